package dev.poddashboard.logs;

import java.time.Duration;

/** Everything that keeps a log from exhausting the app's memory or threads; README lists them. */
public final class LogLimits {
    /** Lines shown when no tail is asked for (kubectl prints all; a page shows the last few hundred). */
    public static final int DEFAULT_TAIL = 300;
    public static final int MAX_TAIL = 5_000;
    /** Longer lines are cut here (the rest is read and dropped, never held). */
    public static final int MAX_LINE_BYTES = 8 * 1024;
    /** Bytes of log per page or download: asked of the kubelet as limitBytes, and enforced again here. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Follow streams open at once, in the whole app and per client (a browser, told apart by a cookie). */
    public static final int MAX_STREAMS = 10;
    public static final int MAX_STREAMS_PER_CLIENT = 3;
    /** A follow stream with no new line for this long is ended (the page offers to follow again). */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** How often an idle stream is pinged, which is also how soon a closed browser tab is noticed. */
    public static final Duration PING = Duration.ofSeconds(5);

    private LogLimits() {
    }
}
