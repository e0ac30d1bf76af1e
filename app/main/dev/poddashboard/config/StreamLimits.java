package dev.poddashboard.config;

/**
 * How many live pod lists (server-sent-event streams of {@code /api/pods/events}) may be open.
 *
 * @param max       {@code MAX_LIVE_STREAMS}: in the whole app; by default one per {@value #HEAP_PER_STREAM_KIB} KiB
 *                  of the JVM's maximum heap, which follows the container's memory limit (1,011 under the
 *                  Deployment's 320 Mi, with its 98.8 MiB heap)
 * @param perClient {@code MAX_LIVE_STREAMS_PER_CLIENT}: per browser (default 10: several tabs are normal)
 */
public record StreamLimits(int max, int perClient) {
    /**
     * What one open live list may cost: ~12 KiB outside the heap (two buffers of Jetty's) and its share of the
     * heap, ~5-8 KiB live. The first bound (one per 80 KiB of a 126 MiB heap, 1,592 streams) peaked at 291 MiB of
     * 320 Mi; with this one and the image's 100 MiB heap, the built image under a real 320 Mi limit peaked at
     * 257-260 MiB with 1,000 viewers (bench/run --crowd N --image IMAGE, docs/benchmark.md).
     */
    static final int HEAP_PER_STREAM_KIB = 100;
    static final int MIN_DEFAULT = 50;
    static final int MAX_DEFAULT = 20_000;
    public static final int DEFAULT_PER_CLIENT = 10;

    public StreamLimits {
        if (max < 1 || perClient < 1) {
            throw new IllegalArgumentException("stream limits must be at least 1");
        }
    }

    /** The default bound for a JVM whose heap may grow to {@code maxHeapBytes}. */
    public static int derived(long maxHeapBytes) {
        long streams = maxHeapBytes / 1024 / HEAP_PER_STREAM_KIB;
        return (int) Math.max(MIN_DEFAULT, Math.min(MAX_DEFAULT, streams));
    }
}
