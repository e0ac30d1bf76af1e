/**
 * {@code kubectl logs}: a container's log, read once (bounded) or followed live, from the API server (which asks
 * the kubelet) or from the demo data. Every bound is in {@link dev.poddashboard.logs.LogLimits}.
 */
package dev.poddashboard.logs;
