package dev.poddashboard.web;

/** A stream refused by {@link StreamBounds}: answered with 429, {@code Retry-After} and which limit was reached. */
final class TooManyStreams extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The whole app's bound, or one browser's. */
    enum Limit {
        APP("app"), CLIENT("client");

        private final String label;

        Limit(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final Limit limit;
    private final String what;
    private final int retryAfterSeconds;

    TooManyStreams(Limit limit, String what, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.limit = limit;
        this.what = what;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    Limit limit() {
        return limit;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    ErrorView view() {
        return new ErrorView(429, "Too many " + what, getMessage(), java.util.List.of(
                new ErrorView.Fact("Limit", limit.label()), new ErrorView.Fact("Retry after", retryAfterSeconds + " s")),
                java.util.List.of(), "");
    }
}
