/**
 * Pods as the API server sends them (lean records that keep only what the pages show), kubectl's pod printer
 * rules (STATUS, READY, RESTARTS, AGE), and the list and detail views built from them.
 */
package dev.poddashboard.pods;
