package dev.poddashboard.pods;

import java.time.Instant;

/**
 * How current the pods on a page are.
 *
 * @param mode       "live" (watching), "reconnecting" (watch lost, showing the last data), "polling" (may list but
 *                   not watch: listed again when older than a few seconds) or "demo"
 * @param syncedAt   when the data was last known to match the API server
 * @param staleSince when the API server stopped answering, or null
 * @param problem    why, or empty
 */
public record Freshness(String mode, Instant syncedAt, Instant staleSince, String problem) {
    public Freshness {
        problem = problem == null ? "" : problem;
    }

    public boolean stale() {
        return staleSince != null;
    }
}
