import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poddashboard.training.TrainingCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bash bench/run --crowd [N]: a classroom on one dashboard. N browsers hold the live pod list (/api/pods/events, each
 * with its own pd-client cookie, as browsers have), 16 clients load / and the mock's watch sends pod changes, for a
 * fixed time. It reports how many streams were held and how many refused (and that the refused got 429s, not
 * resets), whether every held stream got every change (any missing is a failure), / under the crowd, and the RSS.
 */
final class Crowd {
    /** Viewers opened at a time: a room arriving, not one SYN flood. */
    private static final int OPENING_AT_ONCE = 64;

    /**
     * @param app    "jar" (a JVM of the bench's) or the image's name (in a container, {@link ImageApp})
     * @param state  the app's state after the crowd: "running", or how it ended
     * @param cgroup the container's memory cgroup after the crowd; null for the jar
     */
    record Result(int viewers, int bound, int held, int refused429, int failed, int changes, int streamsMissingChanges,
                  Load list, long rssBeforeKiB, long rssAfterKiB, long peakKiB, long limitKiB, String app, String state,
                  ImageApp.Cgroup cgroup) {
    }

    /** One viewer's stream: its status and the pod events it has seen. */
    private static final class Viewer implements Flow.Subscriber<String> {
        final AtomicInteger podEvents = new AtomicInteger();
        /** Counted down once the answer's status is known (the stream itself goes on). */
        final java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(1);
        /** Counted down at the stream's first event: "freshness" when it is held, "problem" when it lost the race. */
        final java.util.concurrent.CountDownLatch firstEvent = new java.util.concurrent.CountDownLatch(1);
        volatile int status;
        volatile boolean ended;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        /** A "problem" event: a stream refused after its 200 (it lost the race for the last place) or ended. */
        volatile boolean problem;

        @Override
        public void onNext(String line) {
            if (line.equals("event: problem")) { // before the latch, so a reader after it sees the refusal
                problem = true;
            }
            if (line.startsWith("event: ")) {
                firstEvent.countDown();
            }
            if (line.equals("event: pod")) {
                podEvents.incrementAndGet();
            }
        }

        boolean held() {
            return status == 200 && !problem;
        }

        @Override
        public void onError(Throwable throwable) {
            ended = true;
        }

        @Override
        public void onComplete() {
            ended = true;
        }
    }

    private Crowd() {
    }

    /** @param image null: the jar in a JVM of the bench's; else the image, in a container */
    private static RunningApp warmThenStart(MockApi api, TrainingCertificates tls, String image) throws Exception {
        api.warmUp(tls, Pods.NAMESPACE);
        return RunningApp.inCluster(image, api.port(), tls, Pods.NAMESPACE, "crowd");
    }

    /** @param image null: the jar, started as the bench starts it; else the built image, run by bench/container */
    static Result run(int viewers, List<ObjectNode> templates, JsonNode columns, TrainingCertificates tls, int seconds,
                      String image) throws Exception {
        System.out.printf("%n== crowd: %,d viewers of the live list, 16 clients on /, pod changes for %d s (%s)%n", viewers,
                seconds, image == null ? "the jar" : "the image " + image + " under a 320 Mi memory limit");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (MockApi api = new MockApi(Pods.of(100, 1, templates), columns, false, tls);
             RunningApp app = warmThenStart(api, tls, image)) {
            app.awaitOk(http, "/readyz");
            Scenarios.waitComplete(http, app.base + "/api/pods?page=1", 100, System.nanoTime());
            JsonNode room = MockApi.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(app.base
                    + "/api/pods/events/room")).build(), HttpResponse.BodyHandlers.ofString()).body());
            int bound = room.path("max").asInt();
            long rssBefore = app.status("VmRSS");

            List<Viewer> crowd = new ArrayList<>();
            for (int i = 0; i < viewers; i++) {
                Viewer viewer = new Viewer();
                crowd.add(viewer);
                HttpRequest request = HttpRequest.newBuilder(URI.create(app.base + "/api/pods/events?namespace=" + Pods.NAMESPACE))
                        .version(HttpClient.Version.HTTP_1_1).header("Accept", "text/event-stream")
                        .header("Cookie", "pd-client=" + UUID.randomUUID()).build();
                // The status is known as the headers arrive; the body (the stream) goes on to the viewer's subscriber.
                http.sendAsync(request, info -> {
                    viewer.status = info.statusCode();
                    viewer.answered.countDown();
                    return HttpResponse.BodySubscribers.fromLineSubscriber(viewer);
                }).whenComplete((response, error) -> {
                    if (error != null && viewer.answered.getCount() > 0) {
                        viewer.status = -1; // reset, refused connection: neither held nor told 429
                        viewer.answered.countDown();
                    }
                });
                if (i % OPENING_AT_ONCE == OPENING_AT_ONCE - 1) {
                    for (Viewer v : crowd.subList(i + 1 - OPENING_AT_ONCE, i + 1)) {
                        v.answered.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    }
                }
            }
            for (Viewer v : crowd) {
                v.answered.await(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            // A 200 is held or refused only by its first event (a few race past the check for the last places).
            for (Viewer v : crowd) {
                if (v.status == 200) {
                    v.firstEvent.await(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
            int held = (int) crowd.stream().filter(Viewer::held).count();
            // 429 before the stream, or (a few racing for the last place) a problem event right after its 200
            int refused = (int) crowd.stream().filter(v -> v.status == 429 || v.status == 200 && v.problem).count();
            System.out.printf("bound %,d: %,d streams held, %,d refused (429), %,d other%n", bound, held, refused,
                    viewers - held - refused);

            // Pod changes through the watch while 16 clients load /: one about every 0.6 s, ADDED then DELETED.
            int changes = Math.max(2, seconds * 10 / 6 / 2 * 2);
            var load = CompletableFuture.supplyAsync(() -> {
                try {
                    return Load.run(http, app.base + "/", 16, seconds);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ObjectNode template = templates.get(0);
            long every = seconds * 1000L / changes;
            for (int i = 0; i < changes; i++) {
                long due = System.nanoTime() + every * 1_000_000;
                api.churn(Pods.NAMESPACE, i / 2, i % 2 == 0, template);
                while (System.nanoTime() < due) {
                    Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
                }
            }
            Load list = load.get();
            // Every held stream should now have every change; give the last ones 15 s to arrive.
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline && crowd.stream().anyMatch(v -> v.held() && v.podEvents.get() < changes)) {
                Thread.sleep(100);
            }
            int missing = (int) crowd.stream().filter(v -> v.held() && v.podEvents.get() < changes).count();
            String files = (image == null ? "jar-" : "image-") + viewers; // the names of jcmd's files
            if (System.getenv("BENCH_MEMORY_DETAIL") != null) { // the JVM's account (needs NMT on), as the rows write it
                AppProcess.jcmd(app.pid(), "VM.native_memory", "bench-nmt-crowd-" + files + ".txt");
                AppProcess.jcmd(app.pid(), "GC.heap_info", "bench-heap-crowd-" + files + ".txt");
            }
            long rssAfter = app.status("VmRSS");
            long peak = app.status("VmHWM");
            if (System.getenv("BENCH_HISTOGRAM") != null) { // after the RSS: it collects the whole heap first
                AppProcess.jcmd(app.pid(), "GC.class_histogram", "bench-histogram-crowd-" + files + ".txt");
            }
            String state = app.state();
            ImageApp.Cgroup cgroup = app.cgroup().orElse(null);
            System.out.printf("%d changes: %,d held streams got them all, %,d missed some; / p50 %.2f ms p99 %.2f ms %,.0f req/s "
                    + "(%d errors); RSS %d MiB before, %d after, peak %d MiB%n", changes, held - missing, missing,
                    list.p50ms(), list.p99ms(), list.rps(), list.errors(), rssBefore / 1024, rssAfter / 1024, peak / 1024);
            if (cgroup != null) {
                System.out.printf("the container: %s; its %s%n", state, cgroup.summary());
            }
            return new Result(viewers, bound, held, refused, viewers - held - refused, changes, missing, list, rssBefore,
                    rssAfter, peak, 320 * 1024, app.name(), state, cgroup);
        }
    }
}
