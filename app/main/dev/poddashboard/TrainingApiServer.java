package dev.poddashboard;

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
import java.time.Instant;
import java.util.List;

/**
 * A loopback stand-in for the API server, for the class-data archive's training run only: it answers the requests
 * the pages make in a live mode (the namespace's pods as a Table with whole objects, as kubectl asks; one pod; its
 * events and log; the self-subject reviews), in the shapes a real API server uses, with the demo mode's sample
 * pods. A watch ends at once. So the archive holds the classes of the live path (the Kubernetes client, its HTTP
 * and JSON libraries, the Table reader), not only the demo mode's, and a real start maps them instead of loading
 * them from the jar.
 */
final class TrainingApiServer implements AutoCloseable {
    static final String NAMESPACE = "training";
    private static final List<String> COLUMNS = List.of("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node",
            "Nominated Node", "Readiness Gates");

    private final ObjectMapper json = new ObjectMapper();
    private final DemoPods pods = new DemoPods(NAMESPACE, Instant.now());
    private final Javalin server;

    TrainingApiServer() {
        String pod = "/api/v1/namespaces/{ns}/pods/{name}";
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/api/v1/namespaces/{ns}/pods", this::list);
            config.routes.get(pod, ctx -> ctx.json(pods.manifest(NAMESPACE, ctx.pathParam("name"))));
            config.routes.get(pod + "/log", ctx -> ctx.contentType("text/plain")
                    .result("starting\nlistening on :8080\nready\n"));
            config.routes.get("/api/v1/namespaces/{ns}/events", ctx -> ctx.json(list("EventList")));
            config.routes.post("/apis/authentication.k8s.io/v1/selfsubjectreviews", ctx -> ctx.json(json.readTree(
                    "{\"kind\":\"SelfSubjectReview\",\"status\":{\"userInfo\":{\"username\":"
                    + "\"system:serviceaccount:training:dashboard-sa\",\"groups\":[\"system:serviceaccounts\"]}}}")));
            config.routes.post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", ctx -> ctx.json(
                    ((ObjectNode) json.readTree(ctx.body())).set("status", json.readTree("{\"allowed\":true}"))));
            config.routes.post("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", ctx -> ctx.json(json.readTree(
                    "{\"kind\":\"SelfSubjectRulesReview\",\"status\":{\"resourceRules\":[{\"verbs\":[\"get\",\"list\","
                    + "\"watch\"],\"apiGroups\":[\"\"],\"resources\":[\"pods\",\"pods/log\",\"events\"]}],"
                    + "\"nonResourceRules\":[{\"verbs\":[\"get\"],\"nonResourceURLs\":[\"/version\"]}],\"incomplete\":false}}")));
        });
    }

    TrainingApiServer start() {
        server.start("127.0.0.1", 0);
        return this;
    }

    int port() {
        return server.port();
    }

    /** The list as a Table when asked as kubectl asks, else a PodList; a watch has nothing to say and ends. */
    private void list(Context ctx) {
        if ("true".equals(ctx.queryParam("watch"))) {
            ctx.contentType("application/json").result("");
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

    @Override
    public void close() {
        server.stop();
    }
}
