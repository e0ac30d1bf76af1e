/** {@code /metrics}: the app's health in the Prometheus text format, through Micrometer's Prometheus registry. */
package dev.poddashboard.metrics;
