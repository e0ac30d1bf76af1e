/** The one immutable settings record, read once from the environment and validated before anything starts. */
package dev.poddashboard.config;
