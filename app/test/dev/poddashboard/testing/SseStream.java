package dev.poddashboard.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server-sent-event stream read as a browser's EventSource reads it: event name and data, one at a time. */
public final class SseStream implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    public record Event(String name, String data, String id) {
    }

    private SseStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
            lines.add("\u0000end");
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseStream open(String url) {
        return open(url, null);
    }

    /** @param client a pd-client cookie value (a browser of its own), or null for none (counted by address) */
    public static SseStream open(String url, String client) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
            if (client != null) {
                builder.header("Cookie", "pd-client=" + client);
            }
            HttpRequest request = builder.build();
            return new SseStream(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError("could not open " + url, e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public java.util.Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** The next event, or null when the server closed the stream; fails after 15 s without one. */
    public Event next() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        String id = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String line;
            try {
                line = lines.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (line == null || line.startsWith(":")) {
                continue;
            }
            if (line.equals("\u0000end")) {
                return null;
            }
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    return new Event(name, data.toString(), id);
                }
                continue;
            }
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            }
        }
        throw new AssertionError("no event within 15 s");
    }

    /** The body of a refused stream (a JSON error). */
    public String refusal() {
        StringBuilder body = new StringBuilder();
        String line;
        while (true) {
            try {
                line = lines.poll(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (line == null || line.equals("\u0000end")) {
                return body.toString();
            }
            body.append(line);
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
