package dev.poddashboard.logs;

/**
 * What a user asks of {@code kubectl logs}.
 *
 * @param container  the container, or empty for the pod's default one
 * @param previous   the last terminated instance ({@code -p}): what a CrashLoopBackOff needs
 * @param tail       the last N lines ({@code --tail}), 1..{@link LogLimits#MAX_TAIL}
 * @param timestamps prefix each line with its RFC 3339 time ({@code --timestamps})
 */
public record LogQuery(String container, boolean previous, int tail, boolean timestamps) {
    public LogQuery {
        container = container == null ? "" : container;
        if (tail < 1 || tail > LogLimits.MAX_TAIL) {
            throw new IllegalArgumentException("tail must be from 1 to " + LogLimits.MAX_TAIL);
        }
    }
}
