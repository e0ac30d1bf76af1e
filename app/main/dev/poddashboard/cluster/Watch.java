package dev.poddashboard.cluster;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * An open watch, or any streamed GET: one line at a time until the server ends it. {@link #close()} may come from
 * any thread: a SIGTERM stops the pod cache's watch from the shutdown thread, a closed browser tab a followed log
 * from Jetty's. okio's source is not safe for two threads at once (closing it discards the rest of the body by
 * reading it, which failed with "Unbalanced enter/exit" beside a blocked read), so a close beside a read cancels
 * the call, and the reader, whose read then fails as cancelled, closes the body itself.
 */
public final class Watch implements AutoCloseable {
    private final Call call;
    private final Response response;
    private final BufferedSource source;
    private final ApiFailures failures;
    /** Held by a read and by the close of the body. */
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed; // guarded by lock

    Watch(Call call, Response response, ApiFailures failures) {
        this.call = call;
        this.response = response;
        this.source = response.body().source();
        this.failures = failures;
    }

    /** A line of a stream; {@code cut} when it was longer than the reader's limit and only its start is kept. */
    public record Line(String text, boolean cut) {
    }

    private interface Read<T> {
        T from(BufferedSource source) throws IOException;
    }

    /** The next event line, or null when the server ended the watch or it was closed. */
    public String nextLine() {
        return read(source -> {
            String line;
            do {
                line = source.readUtf8Line();
            } while (line != null && line.isBlank());
            return line;
        });
    }

    /**
     * The next line, at most {@code maxBytes} of it: the rest of a longer line is read and dropped, never held
     * (a container may print a megabyte without a newline). Null when the server ended the stream or it was closed.
     */
    public Line nextLine(long maxBytes) {
        return read(source -> {
            long newline = source.indexOf((byte) '\n', 0, maxBytes + 1);
            if (newline >= 0) {
                String text = source.readUtf8(newline);
                source.skip(1);
                return new Line(text, false);
            }
            if (!source.request(1)) {
                return null;
            }
            if (!source.request(maxBytes + 1)) {
                return new Line(source.readUtf8(), false); // the last line, without a newline
            }
            String text = source.readUtf8(maxBytes);
            while (source.request(1)) {
                long end = source.indexOf((byte) '\n', 0, source.getBuffer().size());
                if (end >= 0) {
                    source.skip(end + 1);
                    break;
                }
                source.skip(source.getBuffer().size());
            }
            return new Line(text, true);
        });
    }

    private <T> T read(Read<T> read) {
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            return read.from(source);
        } catch (IOException e) {
            if (call.isCanceled()) {
                closeBody();
                return null;
            }
            throw failures.transport(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        call.cancel(); // ends a read under way on another thread
        if (lock.tryLock()) { // else that read, failing as cancelled, closes the body
            try {
                closeBody();
            } finally {
                lock.unlock();
            }
        }
    }

    private void closeBody() {
        if (!closed) {
            closed = true;
            response.close();
        }
    }
}
