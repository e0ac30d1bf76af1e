/**
 * The Events section of {@code kubectl describe pod}: the pod's core/v1 events, asked for as kubectl asks (a field
 * selector on the involved object's name, namespace and uid), sorted and printed by kubectl's rules.
 */
package dev.poddashboard.events;
