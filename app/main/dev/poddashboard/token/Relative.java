package dev.poddashboard.token;

import java.time.Duration;
import java.time.Instant;

/** "in 47 min", "3 min ago": how far a moment is from now, for people. */
public final class Relative {
    private Relative() {
    }

    public static String from(Instant then, Instant now) {
        Duration d = Duration.between(now, then);
        boolean future = !d.isNegative();
        String span = span(d.abs());
        return future ? "in " + span : span + " ago";
    }

    public static String span(Duration d) {
        long s = d.getSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 120 * 60) {
            return s / 60 + " min";
        }
        if (s < 48 * 3600) {
            long h = s / 3600;
            long m = s % 3600 / 60;
            return m == 0 ? h + " h" : h + " h " + m + " min";
        }
        return s / 86400 + " days";
    }
}
