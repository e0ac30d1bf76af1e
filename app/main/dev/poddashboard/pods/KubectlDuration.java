package dev.poddashboard.pods;

import java.time.Duration;
import java.time.Instant;

/** kubectl's short durations ({@code 45s}, {@code 5m12s}, {@code 3h4m}, {@code 2d5h}, {@code 2y}), as apimachinery's HumanDuration. */
public final class KubectlDuration {
    private KubectlDuration() {
    }

    /** AGE and "(5m ago)": the time since {@code then}; {@code <unknown>} when there is no timestamp. */
    public static String since(Instant then, Instant now) {
        return then == null ? "<unknown>" : format(Duration.between(then, now));
    }

    public static String format(Duration d) {
        long seconds = d.getSeconds();
        // Up to two seconds in the future is clock skew between the API server and us: "0s".
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = seconds / 3600;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long days = (hours / 24) % 365;
            return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
        }
        return hours / 24 / 365 + "y";
    }
}
