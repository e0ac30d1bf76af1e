package dev.poddashboard.pods;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.threads.Daemon;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the process starts, a background thread reads a built-in one-pod Table (a real node's crash-looping pod,
 * renamed) a few times, as a LIST page is read: Jackson builds its deserializers for Tables and pods, and the JIT
 * sees the parser, before the first LIST page arrives. The first page view waits for that page; built on arrival,
 * the deserializers alone took 110-200 ms of it. Benchmark, first request right after ready at 10,000 pods, twelve
 * interleaved starts each: page 1 after 207-368 ms (median ~280) with, 279-508 ms (~357) without; ready comes
 * ~90 ms later with it, which the image wins back by not loading the JDK's CAs (Dockerfile).
 */
public final class ParserWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(ParserWarmup.class);
    static final int READS = 10;

    private ParserWarmup() {
    }

    /** Starts the thread; it ends on its own within a fraction of a second. */
    public static void start(ObjectMapper mapper) {
        Daemon.start("parser-warm-up", () -> run(mapper));
    }

    /** The reads, on the caller's thread (the image build's training run calls this too); returns the pods read. */
    public static int run(ObjectMapper mapper) {
        try (InputStream in = ParserWarmup.class.getResourceAsStream("sample-table.json")) {
            byte[] sample = in.readAllBytes();
            PodPageReader reader = new PodPageReader(mapper);
            int pods = 0;
            for (int i = 0; i < READS; i++) {
                try (JsonParser parser = mapper.createParser(sample)) {
                    pods += reader.read(parser, PodTable.Columns.NONE).pods().size();
                }
            }
            return pods;
        } catch (IOException | RuntimeException e) {
            LOG.debug("parser warm-up failed: {}", e.toString());
            return 0;
        }
    }
}
