import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bench's pods: N clones of the captured ones (same shape, managedFields and all) and what a server prints. */
final class Pods {
    static final String NAMESPACE = "bench";

    private Pods() {
    }

    /** The captured pods of ../shared/fixtures/api/pod-list-dashboard.json, cloned from. */
    static List<ObjectNode> templates(Path fixtures) throws IOException {
        List<ObjectNode> templates = new ArrayList<>();
        MockApi.JSON.readTree(fixtures.resolve("api/pod-list-dashboard.json").toFile()).get("items")
                .forEach(item -> templates.add((ObjectNode) item));
        return templates;
    }

    /** The column definitions a real server sends with a Table (../shared/fixtures/node). */
    static JsonNode columns(Path fixtures) throws IOException {
        return MockApi.JSON.readTree(fixtures.resolve("node/api/pod-table-includeobject-object.json").toFile())
                .get("columnDefinitions");
    }

    static String namespace(int i) {
        return String.format("bench-%03d", i);
    }

    /** N pods over {@code namespaces} namespaces (one: the app's own, "bench"), in the order the API server lists them. */
    static List<MockApi.MockPod> of(int n, int namespaces, List<ObjectNode> templates) throws IOException {
        List<MockApi.MockPod> pods = new ArrayList<>(n);
        int perNamespace = (n + namespaces - 1) / namespaces;
        for (int i = 0; i < n; i++) {
            ObjectNode pod = templates.get(i % templates.size()).deepCopy();
            pod.put("kind", "Pod").put("apiVersion", "v1");
            ObjectNode meta = (ObjectNode) pod.get("metadata");
            String namespace = namespaces > 1 ? namespace(i / perNamespace) : NAMESPACE;
            String name = String.format("pod-%06d-%s", i, meta.get("name").asText());
            meta.put("name", name);
            meta.put("namespace", namespace);
            meta.put("uid", java.util.UUID.nameUUIDFromBytes(("pod-" + i).getBytes(StandardCharsets.UTF_8)).toString());
            pods.add(new MockApi.MockPod(namespace, name, MockApi.JSON.writeValueAsBytes(pod),
                    MockApi.JSON.writeValueAsBytes(cells(pod))));
        }
        return pods;
    }

    /** NAME, READY, STATUS, RESTARTS, AGE, IP, NODE, NOMINATED NODE, READINESS GATES, roughly as a server prints. */
    static ArrayNode cells(ObjectNode pod) {
        JsonNode status = pod.path("status");
        int containers = pod.path("spec").path("containers").size();
        int ready = 0;
        int restarts = 0;
        String reason = status.path("reason").asText(status.path("phase").asText("Unknown"));
        for (JsonNode c : status.path("containerStatuses")) {
            ready += c.path("ready").asBoolean() ? 1 : 0;
            restarts += c.path("restartCount").asInt();
            if (c.path("state").has("waiting")) {
                reason = c.path("state").path("waiting").path("reason").asText(reason);
            }
        }
        ArrayNode cells = MockApi.JSON.createArrayNode();
        cells.add(pod.path("metadata").path("name").asText()).add(ready + "/" + containers).add(reason)
                .add(Integer.toString(restarts)).add("5d").add(status.path("podIP").asText("<none>"))
                .add(pod.path("spec").path("nodeName").asText("<none>")).add("<none>").add("<none>");
        return cells;
    }
}
