/**
 * The AOT cache's training run ({@link dev.poddashboard.training.StartupTraining}) and the stand-ins for a real API
 * server it and {@code bench/} talk to: TLS with a CA and serving certificate made for the run
 * ({@link dev.poddashboard.training.TrainingCertificates}), HTTP/2 where the client offers it
 * ({@link dev.poddashboard.training.TlsConnector}), in a process of its own so that only what the app itself loads
 * enters the cache. Nothing here runs in a deployed dashboard.
 */
package dev.poddashboard.training;
