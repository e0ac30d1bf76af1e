import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poddashboard.training.TlsConnector;
import dev.poddashboard.training.TrainingCertificates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench's API server, costing the app what a real one costs: TLS (a CA and serving certificate made for the run;
 * the app trusts it through ca.crt in its mounted service-account directory, as in a pod) and HTTP/2 to a client that
 * offers it (OkHttp does), paged pod lists (limit/continue), Tables with whole objects (includeObject=Object) when
 * asked as kubectl asks (unless --plain-lists), /version, and watches that send a BOOKMARK when asked
 * (allowWatchBookmarks=true) at once and then every minute, as a watch cache does, and the pod changes {@link #churn}
 * sends. LIST answers over 128 KiB are gzipped (level 1) for a client that accepts it, as a kube-apiserver does.
 * What it still does differently from a kube-apiserver is in docs/benchmark.md.
 */
final class MockApi implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final long BOOKMARK_EVERY_MS = 60_000;
    private static final long GZIP_THRESHOLD_BYTES = 128 * 1024;
    /** {@code -Dbench.gzip=false}: never gzip (a server with APIResponseCompression off, or to compare). */
    private static final boolean GZIP = Boolean.parseBoolean(System.getProperty("bench.gzip", "true"));

    /** A pod: its JSON (cloned from the captured list) and the cells a server prints for it in a Table. */
    record MockPod(String namespace, String name, byte[] json, byte[] cells) {
    }

    private final Javalin server;
    private final List<MockPod> pods;
    private final Map<String, List<MockPod>> byNamespace = new LinkedHashMap<>();
    private final byte[] columns;
    private final boolean plainLists;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final List<BlockingQueue<String>> watchers = new CopyOnWriteArrayList<>();
    private final AtomicLong resourceVersion = new AtomicLong(11_527);
    final AtomicLong nonWatchRequests = new AtomicLong();
    final AtomicLong watchRequests = new AtomicLong();
    /** LIST answers sent gzipped (the client accepted it and the answer was over 128 KiB). */
    final AtomicLong gzippedLists = new AtomicLong();
    /** Each LIST page gzipped, with the resourceVersion its metadata carries. */
    private final Map<String, GzippedPage> gzipped = new java.util.concurrent.ConcurrentHashMap<>();

    private record GzippedPage(long resourceVersion, byte[] body) {
    }

    MockApi(List<MockPod> pods, JsonNode columns, boolean plainLists, TrainingCertificates tls) throws IOException {
        this.pods = pods;
        this.columns = JSON.writeValueAsBytes(columns);
        this.plainLists = plainLists;
        pods.forEach(p -> byNamespace.computeIfAbsent(p.namespace(), ns -> new ArrayList<>()).add(p));
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.addConnector((jetty, http) -> TlsConnector.on(jetty, http, tls.serverKeyStore(), tls.password()));
            config.jetty.modifyServer(jetty -> ((org.eclipse.jetty.util.thread.QueuedThreadPool) jetty.getThreadPool())
                    .setMaxThreads(400));
            config.routes.get("/version", ctx -> ctx.contentType("application/json").result("{\"major\":\"1\",\"minor\":\"33\","
                    + "\"gitVersion\":\"v1.33.3\",\"emulationMajor\":\"1\",\"emulationMinor\":\"33\"}"));
            config.routes.get("/api/v1/pods", ctx -> pods(ctx, this.pods));
            config.routes.get("/api/v1/namespaces/{ns}/pods", ctx -> pods(ctx, byNamespace.getOrDefault(ctx.pathParam("ns"), List.of())));
        });
        server.start();
    }

    int port() {
        return server.port();
    }

    /**
     * {@code MockApi DIR}: serves 100 pods ({@code -Dbench.pods=N}: N) in namespace "bench" over TLS (RSA), with a
     * service-account directory for the app in DIR/sa (token, ca.crt, namespace, readable by the image's user) and its
     * port in DIR/port, until its standard input closes. bench/image-start runs the image in in-cluster mode against
     * it; by hand, it is an API server to start the app or a profiler against.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path fixtures = Path.of(System.getProperty("fixtures.dir", "../shared/fixtures"));
        TrainingCertificates tls = TrainingCertificates.make(dir.resolve("tls"), TrainingCertificates.KeyType.RSA);
        int pods = Integer.getInteger("bench.pods", 100);
        try (MockApi api = new MockApi(Pods.of(pods, 1, Pods.templates(fixtures)), Pods.columns(fixtures), false, tls)) {
            api.warmUp(tls, Pods.NAMESPACE);
            Path sa = java.nio.file.Files.createDirectories(dir.resolve("sa"));
            java.nio.file.Files.writeString(sa.resolve("token"), ((dev.poddashboard.token.TokenRead.Mounted)
                    new dev.poddashboard.token.DemoToken(Pods.NAMESPACE, "dashboard-sa", java.time.Instant.now()).read()).raw());
            java.nio.file.Files.copy(tls.caCertificate(), sa.resolve("ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            java.nio.file.Files.writeString(sa.resolve("namespace"), Pods.NAMESPACE);
            for (Path f : List.of(sa, sa.resolve("token"), sa.resolve("ca.crt"), sa.resolve("namespace"))) {
                f.toFile().setReadable(true, false);
                f.toFile().setExecutable(java.nio.file.Files.isDirectory(f), false);
            }
            java.nio.file.Files.writeString(dir.resolve("port"), Integer.toString(api.port()));
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /**
     * A real API server is warm when a pod starts; this one runs in a fresh JVM. Before the app starts, its TLS, HTTP/2
     * and list paths are run a few hundred times (a client trusting its CA, as the app does), so the first page the
     * bench times is the app's cost, not the mock's JIT.
     */
    void warmUp(TrainingCertificates tls, String namespace) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = java.nio.file.Files.newInputStream(tls.caCertificate())) {
            trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(ssl).build();
        String own = "/api/v1/namespaces/" + namespace + "/pods";
        for (int i = 0; i < 300; i++) {
            client.send(tableRequest(own + "?limit=100&includeObject=Object"), HttpResponse.BodyHandlers.discarding());
        }
        // Every page the app will ask for, gzipped into the cache now: its pages (100 rows, then 500 at a time, as
        // it asks), of the own namespace and, with pods in several namespaces, of all of them (-A).
        for (String scope : byNamespace.size() > 1 ? List.of(own, "/api/v1/pods") : List.of(own)) {
            String continueToken = "";
            do {
                String limit = continueToken.isEmpty() ? "100" : "500&continue=" + continueToken;
                var answer = client.send(tableRequest(scope + "?includeObject=Object&limit=" + limit),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (var in = answer.headers().firstValue("Content-Encoding").isPresent()
                        ? new java.util.zip.GZIPInputStream(answer.body()) : answer.body()) {
                    continueToken = JSON.readTree(in).path("metadata").path("continue").asText("");
                }
            } while (!continueToken.isEmpty());
        }
        nonWatchRequests.set(0);
        gzippedLists.set(0);
    }

    /** A GET of a list as the app asks for it: a Table, gzip accepted. */
    private java.net.http.HttpRequest tableRequest(String pathAndQuery) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create("https://127.0.0.1:" + port() + pathAndQuery))
                .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io").header("Accept-Encoding", "gzip").build();
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop();
    }

    /**
     * One pod change for every open watch: a pod {@code bench-churn-N} ADDED, or DELETED; the same event a real API
     * server sends, a Table row with its whole object when the watch asked for a Table. Returns the resourceVersion.
     */
    long churn(String namespace, int n, boolean added, ObjectNode template) throws IOException {
        long rv = resourceVersion.incrementAndGet();
        ObjectNode pod = template.deepCopy();
        ObjectNode meta = (ObjectNode) pod.get("metadata");
        meta.put("name", "bench-churn-" + n).put("namespace", namespace).put("resourceVersion", Long.toString(rv))
                .put("uid", java.util.UUID.nameUUIDFromBytes(("churn-" + n).getBytes(StandardCharsets.UTF_8)).toString());
        String type = added ? "ADDED" : "DELETED";
        String plain = "{\"type\":\"" + type + "\",\"object\":" + JSON.writeValueAsString(pod) + "}";
        ObjectNode table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", Long.toString(rv));
        table.set("columnDefinitions", JSON.readTree(columns));
        ObjectNode row = table.putArray("rows").addObject();
        row.set("cells", Pods.cells(pod));
        row.set("object", pod);
        String asTable = "{\"type\":\"" + type + "\",\"object\":" + JSON.writeValueAsString(table) + "}";
        for (BlockingQueue<String> watcher : watchers) {
            watcher.add(watcher instanceof TableWatch ? asTable : plain);
        }
        return rv;
    }

    int watchers() {
        return watchers.size();
    }

    /** A watch that asked for a Table (its events are Tables). */
    private static final class TableWatch extends LinkedBlockingQueue<String> {
        private static final long serialVersionUID = 1L;
    }

    private void pods(Context ctx, List<MockPod> scope) throws Exception {
        String accept = ctx.header("Accept");
        boolean table = !plainLists && accept != null && accept.contains("as=Table");
        String watch = ctx.queryParam("watch");
        if ("1".equals(watch) || "true".equals(watch)) {
            watch(ctx, table, "true".equals(ctx.queryParam("allowWatchBookmarks")));
            return;
        }
        nonWatchRequests.incrementAndGet();
        String limitParam = ctx.queryParam("limit");
        String continueParam = ctx.queryParam("continue");
        int limit = limitParam != null ? Integer.parseInt(limitParam) : scope.size();
        int from = continueParam != null ? Integer.parseInt(continueParam) : 0;
        int to = Math.min(scope.size(), from + limit);
        ctx.contentType("application/json");
        long size = 0;
        for (int i = from; i < to; i++) {
            size += scope.get(i).json().length + (table ? scope.get(i).cells().length + 20 : 1);
        }
        // As a kube-apiserver (APIResponseCompression, on since 1.16): a GET or LIST answer of more than 128 KiB is
        // gzipped, at level 1 since 1.26, when the client accepts it, as OkHttp does on its own and then inflates.
        String acceptEncoding = ctx.header("Accept-Encoding");
        boolean gzip = GZIP && size > GZIP_THRESHOLD_BYTES && acceptEncoding != null && acceptEncoding.contains("gzip");
        if (!gzip) {
            try (OutputStream out = new java.io.BufferedOutputStream(ctx.res().getOutputStream(), 65536)) {
                writeList(out, resourceVersion.get(), scope, from, to, table);
            }
            return;
        }
        // The server's compression runs on its own cores, not on the two the app has here: each page is gzipped once
        // and kept (churn reaches the watches, not the lists), and warmUp fills the cache. A page is gzipped again
        // only when the resourceVersion it carries has moved on (a relist after churn), as a real server's would.
        long rv = resourceVersion.get();
        byte[] body = gzipped.compute(ctx.path() + "?from=" + from + "&to=" + to + "&table=" + table, (key, kept) -> {
            if (kept != null && kept.resourceVersion() == rv) {
                return kept;
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (OutputStream out = new java.io.BufferedOutputStream(new java.util.zip.GZIPOutputStream(bytes, 65536) {
                {
                    def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                }
            }, 65536)) {
                writeList(out, rv, scope, from, to, table);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new GzippedPage(rv, bytes.toByteArray());
        }).body();
        ctx.header("Content-Encoding", "gzip");
        gzippedLists.incrementAndGet();
        try (OutputStream out = ctx.res().getOutputStream()) {
            out.write(body);
        }
    }

    private void writeList(OutputStream out, long rv, List<MockPod> scope, int from, int to, boolean table)
            throws IOException {
        String meta = "{\"resourceVersion\":\"" + rv + "\"" + (to < scope.size()
                ? ",\"continue\":\"" + to + "\",\"remainingItemCount\":" + (scope.size() - to) : "") + "}";
        if (table) {
            out.write(("{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":" + meta
                    + ",\"columnDefinitions\":").getBytes(StandardCharsets.UTF_8));
            out.write(columns);
            out.write(",\"rows\":[".getBytes(StandardCharsets.UTF_8));
        } else {
            out.write(("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":" + meta + ",\"items\":[")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.write(',');
            }
            if (table) {
                out.write("{\"cells\":".getBytes(StandardCharsets.UTF_8));
                out.write(scope.get(i).cells());
                out.write(",\"object\":".getBytes(StandardCharsets.UTF_8));
                out.write(scope.get(i).json());
                out.write('}');
            } else {
                out.write(scope.get(i).json());
            }
        }
        out.write("]}".getBytes(StandardCharsets.UTF_8));
    }

    /** Holds the watch open: bookmarks (if asked) and the churned changes, until the bench stops. */
    private void watch(Context ctx, boolean table, boolean bookmarks) throws Exception {
        watchRequests.incrementAndGet();
        BlockingQueue<String> events = table ? new TableWatch() : new LinkedBlockingQueue<>();
        watchers.add(events);
        ctx.contentType("application/json");
        OutputStream out = ctx.res().getOutputStream();
        long nextBookmark = bookmarks ? 0 : Long.MAX_VALUE;
        try {
            while (stopping.getCount() > 0) {
                if (System.currentTimeMillis() >= nextBookmark) {
                    String rv = Long.toString(resourceVersion.get());
                    // A Table watch's bookmark is a Table without rows; a plain watch's a Pod with only metadata.
                    out.write((table ? "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\","
                            + "\"metadata\":{\"resourceVersion\":\"" + rv + "\"},\"columnDefinitions\":[],\"rows\":[]}}\n"
                            : "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":"
                            + "{\"resourceVersion\":\"" + rv + "\"}}}\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    nextBookmark = System.currentTimeMillis() + BOOKMARK_EVERY_MS;
                }
                String event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    out.write((event + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException clientLeft) {
            // the app closed the watch (it reopens it)
        } finally {
            watchers.remove(events);
        }
    }
}
