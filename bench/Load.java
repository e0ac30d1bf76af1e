import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load at a fixed concurrency: wrk (a C load generator, far lighter than a Java client on the same two
 * cores) when it is installed, else Java's HttpClient; p50/p99 and requests a second.
 */
record Load(String path, long requests, long errors, double seconds, double p50ms, double p99ms, double rps) {
    static final boolean WRK = Files.isExecutable(Path.of("/usr/bin/wrk"));

    static Load run(HttpClient http, String url, int concurrency, int seconds) throws Exception {
        return WRK ? wrk(url, concurrency, seconds) : java(http, url, concurrency, seconds);
    }

    static Load wrk(String url, int concurrency, int seconds) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + concurrency, "-d" + seconds + "s", "--latency", url)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        long requests = Long.parseLong(find(out, "(\\d+) requests in"));
        long errors = 0;
        String non2xx = findOrNull(out, "Non-2xx or 3xx responses: (\\d+)");
        if (non2xx != null) {
            errors += Long.parseLong(non2xx);
        }
        String socket = findOrNull(out, "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
        if (socket != null) {
            errors += Long.parseLong(socket);
        }
        return new Load(URI.create(url).getPath(), requests, errors, seconds, millis(find(out, "(?m)^\\s+50%\\s+(\\S+)")),
                millis(find(out, "(?m)^\\s+99%\\s+(\\S+)")), Double.parseDouble(find(out, "Requests/sec:\\s+(\\S+)")));
    }

    static String find(String text, String regex) {
        String found = findOrNull(text, regex);
        if (found == null) {
            throw new IllegalStateException("no " + regex + " in wrk's output:\n" + text);
        }
        return found;
    }

    static String findOrNull(String text, String regex) {
        var m = java.util.regex.Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** wrk prints 812.00us, 1.23ms or 2.01s. */
    static double millis(String value) {
        if (value.endsWith("us")) {
            return Double.parseDouble(value.substring(0, value.length() - 2)) / 1000;
        }
        if (value.endsWith("ms")) {
            return Double.parseDouble(value.substring(0, value.length() - 2));
        }
        if (value.endsWith("s")) {
            return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
        }
        return Double.parseDouble(value);
    }

    static Load java(HttpClient http, String url, int concurrency, int seconds) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> perWorker = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicInteger counts = new AtomicInteger();
        Thread[] workers = new Thread[concurrency];
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            long[] samples = new long[2_000_000];
            perWorker.add(samples);
            int index = w;
            workers[w] = new Thread(() -> {
                int k = 0;
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
                while (System.nanoTime() < end && k < samples.length) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    samples[k++] = System.nanoTime() - s;
                }
                perWorker.set(index, Arrays.copyOf(samples, k));
                counts.addAndGet(k);
            });
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perWorker.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Load(URI.create(url).getPath(), all.length, errors.get(), elapsed,
                percentile(all, 0.50), percentile(all, 0.99), all.length / elapsed);
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
