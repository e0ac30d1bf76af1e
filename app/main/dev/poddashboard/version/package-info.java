/**
 * The API server's version and what it decides: {@link dev.poddashboard.version.Feature} is the one table of
 * Kubernetes features whose behaviour depends on the version (from Kubernetes' feature-gate documentation), and
 * {@link dev.poddashboard.version.ServerVersion} reads {@code /version} at start and again after a reconnect. Pages
 * ask these, never compare version numbers themselves.
 */
package dev.poddashboard.version;
