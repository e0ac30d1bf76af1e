package dev.poddashboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Table responses (what the API server sends kubectl) built only from captured parts. The v1.28 capture of the
 * dashboard namespace holds its Table with metadata only and its plain list with whole pods, both at
 * resourceVersion 11527: together they are the Table with {@code includeObject=Object} of the same moment.
 */
public final class TableFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableFixtures() {
    }

    /** The dashboard namespace as a Table: the server's printed cells, each row with its whole pod. */
    public static String dashboard() {
        return dashboard(Capture.V1_28);
    }

    /** The same for either server version's capture. */
    public static String dashboard(Capture capture) {
        ObjectNode table = (ObjectNode) read(capture.api("pod-table-dashboard.json"));
        Map<String, JsonNode> pods = new HashMap<>();
        read(capture.api("pod-list-dashboard.json")).get("items").forEach(p -> pods.put(p.at("/metadata/name").asText(), p));
        for (JsonNode row : table.get("rows")) {
            ((ObjectNode) row).set("object", pods.get(row.get("cells").get(0).asText()));
        }
        return write(table);
    }

    /** A Table's rows kept by name, with the list metadata replaced (e.g. the last page of a paged list). */
    public static String rows(String tableJson, Predicate<String> keep, String metadataJson) {
        ObjectNode table = (ObjectNode) read(tableJson);
        ArrayNode kept = JSON.createArrayNode();
        table.get("rows").forEach(row -> {
            if (keep.test(row.get("cells").get(0).asText())) {
                kept.add(row);
            }
        });
        table.set("rows", kept);
        table.set("metadata", read(metadataJson));
        return write(table);
    }

    /** The same Table with one row's cell replaced: what another server version would print. */
    public static String withCell(String tableJson, String pod, int column, String text) {
        ObjectNode table = (ObjectNode) read(tableJson);
        table.get("rows").forEach(row -> {
            if (row.get("cells").get(0).asText().equals(pod)) {
                ((ArrayNode) row.get("cells")).set(column, JSON.getNodeFactory().textNode(text));
            }
        });
        return write(table);
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
