package dev.poddashboard.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poddashboard.pods.DemoPods;
import dev.poddashboard.pods.PodPrinter;
import dev.poddashboard.pods.PodRow;
import dev.poddashboard.pods.PodScope;
import dev.poddashboard.pods.PodSummary;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A stand-in for the API server, for the AOT cache's training run only, run as a process of its own
 * ({@link StartupTraining} starts it): it speaks TLS with a certificate made for the run and HTTP/2 to a client that
 * offers it, and answers what the pages ask in a live mode (the namespace's pods as a Table with whole objects, as
 * kubectl asks; one pod; its events and log; /version; OIDC discovery and the key set; the reviews), in the shapes a
 * real API server uses, with the demo mode's sample pods. A watch sends a bookmark, when asked, and ends. Its own
 * classes (the server side of TLS and HTTP/2) stay out of the cache; the app's (client-java, OkHttp's HTTP/2, the
 * client side of TLS, X.509 path checks, the Table reader) go in.
 */
public final class TrainingApiServer {
    static final String NAMESPACE = "training";
    private static final List<String> COLUMNS = List.of("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node",
            "Nominated Node", "Readiness Gates");

    private final ObjectMapper json = new ObjectMapper();
    private final DemoPods pods = new DemoPods(NAMESPACE, Instant.now());
    private final Javalin server;

    private TrainingApiServer(Path keyStore, String password, String jwks) {
        String pod = "/api/v1/namespaces/{ns}/pods/{name}";
        String issuer = dev.poddashboard.token.DemoToken.ISSUER;
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.addConnector((jetty, http) -> TlsConnector.on(jetty, http, keyStore, password));
            config.routes.get("/version", ctx -> ctx.json(json.readTree("{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":"
                    + "\"v1.33.3\",\"emulationMajor\":\"1\",\"emulationMinor\":\"33\",\"platform\":\"linux/amd64\"}")));
            config.routes.get("/.well-known/openid-configuration", ctx -> ctx.json(json.createObjectNode()
                    .put("issuer", issuer).put("jwks_uri", issuer + "/openid/v1/jwks")));
            config.routes.get("/openid/v1/jwks", ctx -> ctx.contentType("application/jwk-set+json").result(jwks));
            config.routes.get("/api/v1/namespaces/{ns}/pods", this::list);
            config.routes.get(pod, ctx -> ctx.json(pods.manifest(NAMESPACE, ctx.pathParam("name"))));
            config.routes.get(pod + "/log", ctx -> ctx.contentType("text/plain")
                    .result("2026-12-06T02:53:22.000000000Z starting\n2026-12-06T02:53:23.000000000Z listening on :8080\n"));
            config.routes.get("/api/v1/namespaces/{ns}/events", ctx -> ctx.json(list("EventList")));
            config.routes.post("/apis/authentication.k8s.io/v1/tokenreviews", ctx -> ctx.status(201).json(json.readTree(
                    "{\"kind\":\"TokenReview\",\"apiVersion\":\"authentication.k8s.io/v1\",\"status\":{\"authenticated\":true,"
                    + "\"user\":{\"username\":\"system:serviceaccount:training:dashboard-sa\",\"uid\":\"u\",\"groups\":"
                    + "[\"system:serviceaccounts\"],\"extra\":{\"authentication.kubernetes.io/pod-name\":[\"p\"]}},"
                    + "\"audiences\":[\"" + issuer + "\"]}}")));
            config.routes.post("/apis/authentication.k8s.io/v1/selfsubjectreviews", ctx -> ctx.status(201).json(json.readTree(
                    "{\"kind\":\"SelfSubjectReview\",\"status\":{\"userInfo\":{\"username\":"
                    + "\"system:serviceaccount:training:dashboard-sa\",\"groups\":[\"system:serviceaccounts\"]}}}")));
            config.routes.post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", ctx -> ctx.status(201).json(
                    ((ObjectNode) json.readTree(ctx.body())).set("status", json.readTree("{\"allowed\":true}"))));
            config.routes.post("/apis/authorization.k8s.io/v1/subjectaccessreviews", ctx -> ctx.status(201).json(
                    ((ObjectNode) json.readTree(ctx.body())).set("status", json.readTree("{\"allowed\":true}"))));
            config.routes.post("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", ctx -> ctx.status(201).json(json.readTree(
                    "{\"kind\":\"SelfSubjectRulesReview\",\"status\":{\"resourceRules\":[{\"verbs\":[\"get\",\"list\","
                    + "\"watch\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\",\"pods/log\",\"events\"]}],"
                    + "\"nonResourceRules\":[{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/version\"]}],\"incomplete\":false}}")));
        });
    }

    /**
     * {@code TrainingApiServer KEYSTORE PASSWORD JWKS_FILE PORT_FILE}: serves on a free loopback port, writes it to
     * PORT_FILE, and runs until its standard input closes (the training run ends, or dies).
     */
    public static void main(String[] args) throws Exception {
        TrainingApiServer api = new TrainingApiServer(Path.of(args[0]), args[1],
                Files.readString(Path.of(args[2]), StandardCharsets.UTF_8));
        api.server.start();
        Path portFile = Path.of(args[3]);
        Path written = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(written, Integer.toString(api.server.port()));
        Files.move(written, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
        api.server.stop();
        System.exit(0);
    }

    /** The list as a Table when asked as kubectl asks, else a PodList; a watch bookmarks (if asked) and ends. */
    private void list(Context ctx) throws Exception {
        if ("true".equals(ctx.queryParam("watch")) || "1".equals(ctx.queryParam("watch"))) {
            String bookmark = "true".equals(ctx.queryParam("allowWatchBookmarks"))
                    ? "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":"
                    + "{\"resourceVersion\":\"2\",\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}}}}\n" : "";
            ctx.contentType("application/json").result(bookmark);
            return;
        }
        String accept = ctx.header("Accept");
        boolean table = accept != null && accept.contains("as=Table");
        ObjectNode page = list(table ? "Table" : "PodList");
        if (table) {
            page.put("apiVersion", "meta.k8s.io/v1");
            ArrayNode columns = page.putArray("columnDefinitions");
            COLUMNS.forEach(name -> columns.addObject().put("name", name).put("type", "string"));
        }
        ArrayNode items = page.putArray(table ? "rows" : "items");
        Instant now = Instant.now();
        for (PodSummary summary : pods.snapshot(PodScope.of(NAMESPACE)).pods()) {
            JsonNode object = pods.manifest(NAMESPACE, summary.name());
            if (!table) {
                items.add(object);
                continue;
            }
            PodRow r = PodPrinter.row(summary, now, false);
            ObjectNode row = items.addObject();
            ArrayNode cells = row.putArray("cells");
            for (String cell : List.of(r.name(), r.ready(), r.status(), r.restarts(), r.age(), r.ip(), r.node(),
                    r.nominatedNode(), r.readinessGates())) {
                cells.add(cell);
            }
            row.set("object", object);
        }
        ctx.json(page);
    }

    private ObjectNode list(String kind) {
        ObjectNode list = json.createObjectNode().put("kind", kind).put("apiVersion", "v1");
        list.putObject("metadata").put("resourceVersion", "1");
        return list;
    }
}
