package dev.poddashboard.logs;

import java.time.Instant;

/** Where log lines come from: the API server's pods/log, or the demo data. */
public interface LogSource {

    /**
     * Opens a container's log, always with timestamps (so a followed log can resume where it stopped).
     *
     * @param tailLines  the last N lines, or 0 for all (with {@code since})
     * @param follow     keep the stream open and deliver new lines as they are written
     * @param since      only lines written at or after this second, or null
     */
    Reader open(String namespace, String pod, String container, boolean previous, int tailLines, boolean follow,
                Instant since);

    /** Lines until the stream ends; close() from any thread ends a blocked read. */
    interface Reader extends AutoCloseable {
        /** The next line (at most {@link LogLimits#MAX_LINE_BYTES}), or null at the end. */
        LogLine next();

        @Override
        void close();
    }
}
