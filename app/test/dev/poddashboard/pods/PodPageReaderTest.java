package dev.poddashboard.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poddashboard.Main;
import dev.poddashboard.testing.Fixtures;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A LIST page read as it streams, on the captured node's Table and PodList. */
class PodPageReaderTest {
    private final ObjectMapper mapper = Main.objectMapper();
    private final PodPageReader reader = new PodPageReader(mapper);

    @Test
    void aTablesRowsArePrintedFromTheServersCellsInTheOrderSent() throws IOException {
        ObjectNode table = table();
        // A cell only the server could have printed: the rows must come from the cells, not the local printer.
        ((ArrayNode) table.withArray("rows").get(1).get("cells")).set(2, mapper.getNodeFactory().textNode("ServerSaid"));

        PodPageReader.Result page = read(table, PodTable.Columns.NONE);

        assertThat(page.table()).isTrue();
        assertThat(page.metadata().resourceVersion()).isEqualTo(table.at("/metadata/resourceVersion").asText());
        assertThat(statuses(page)).containsExactly(Map.entry("badimage-demo", "ErrImageNeverPull"),
                Map.entry("crash-demo", "ServerSaid"), Map.entry("log-demo", "Running"), Map.entry("multi-demo", "Running"),
                Map.entry("once-demo-69nxp", "Completed"), Map.entry("web-fb88cb456-8cbtg", "Running"),
                Map.entry("web-fb88cb456-rnhdd", "Running"));
        PodSummary crash = page.pods().get(1);
        assertThat(crash.ready()).isEqualTo("0/1");
        assertThat(crash.restarts()).isEqualTo(15);
        assertThat(crash.lastRestart()).isNotNull();
        assertThat(crash.ip()).isEqualTo("10.201.0.3");
        assertThat(crash.node()).isEqualTo("realnode-1");
        assertThat(page.columns()).isEqualTo(PodTable.Columns.of(List.of(new PodTable.Column("Name"),
                new PodTable.Column("Ready"), new PodTable.Column("Status"), new PodTable.Column("Restarts"),
                new PodTable.Column("Age"), new PodTable.Column("IP"), new PodTable.Column("Node"),
                new PodTable.Column("Nominated Node"), new PodTable.Column("Readiness Gates"))));
    }

    @Test
    void rowsBeforeTheDefinitionsWaitForThemWhenNoColumnsAreKnown() throws IOException {
        ObjectNode sent = table();
        ((ArrayNode) sent.withArray("rows").get(1).get("cells")).set(2, mapper.getNodeFactory().textNode("ServerSaid"));
        // The same Table with its fields in another order: rows first, kind and definitions last.
        ObjectNode reordered = mapper.createObjectNode();
        reordered.set("rows", sent.get("rows"));
        reordered.set("metadata", sent.get("metadata"));
        reordered.set("columnDefinitions", sent.get("columnDefinitions"));
        reordered.set("kind", sent.get("kind"));

        PodPageReader.Result page = read(reordered, PodTable.Columns.NONE);

        assertThat(page.table()).isTrue();
        assertThat(statuses(page)).containsExactlyEntriesOf(statuses(read(sent, PodTable.Columns.NONE)));
        assertThat(page.pods().get(1).status()).isEqualTo("ServerSaid");
    }

    @Test
    void aPageWithoutDefinitionsUsesTheColumnsOfEarlierPages() throws IOException {
        ObjectNode table = table();
        PodTable.Columns known = read(table, PodTable.Columns.NONE).columns();
        table.remove("columnDefinitions");
        ((ArrayNode) table.withArray("rows").get(0).get("cells")).set(2, mapper.getNodeFactory().textNode("ServerSaid"));

        PodPageReader.Result page = read(table, known);

        assertThat(page.pods().get(0).status()).isEqualTo("ServerSaid");
        assertThat(page.columns()).isEqualTo(known);
    }

    @Test
    void aPlainPodListIsPrintedByTheLocalPrinter() throws IOException {
        ObjectNode list = (ObjectNode) mapper.readTree(Fixtures.node("pod-list-realnode-demo.json"));
        // An empty item, an unknown field and a null row are skipped, as they were before.
        list.withArray("items").addNull();
        list.put("somethingNew", "ignored");

        PodPageReader.Result page = read(list, PodTable.Columns.NONE);

        assertThat(page.table()).isFalse();
        assertThat(page.pods()).hasSize(list.withArray("items").size() - 1);
        assertThat(statuses(page)).containsEntry("crash-demo", "CrashLoopBackOff").containsEntry("badimage-demo",
                "ErrImageNeverPull").containsEntry("once-demo-69nxp", "Completed");
    }

    @Test
    void anEmptyTableIsATable() throws IOException {
        ObjectNode table = table();
        table.putArray("rows");
        PodPageReader.Result page = read(table, PodTable.Columns.NONE);
        assertThat(page.table()).isTrue();
        assertThat(page.pods()).isEmpty();
    }

    @Test
    void rowsOrItemsThatAreNoListAreSkippedAndTheRestIsRead() throws IOException {
        ObjectNode table = table();
        table.putObject("rows").putObject("unexpected").put("cells", "x");
        table.putObject("items").put("kind", "Pod");
        table.remove("metadata");
        table.putObject("metadata").put("resourceVersion", "42"); // after the odd fields: must still be read

        PodPageReader.Result page = read(table, PodTable.Columns.NONE);

        assertThat(page.pods()).isEmpty();
        assertThat(page.metadata().resourceVersion()).isEqualTo("42");
        assertThat(page.table()).isTrue();
    }

    @Test
    void aBodyThatIsNoObjectIsAnError() {
        assertThatThrownBy(() -> reader.read(mapper.createParser("[1,2]"), PodTable.Columns.NONE))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("a pod list is a JSON object");
        assertThatThrownBy(() -> reader.read(mapper.createParser("{\"kind\":\"Table\",\"rows\":[{\"cells\":"),
                PodTable.Columns.NONE)).isInstanceOf(IOException.class);
    }

    private ObjectNode table() throws IOException {
        return (ObjectNode) mapper.readTree(Fixtures.node("pod-table-includeobject-object.json"));
    }

    private PodPageReader.Result read(ObjectNode body, PodTable.Columns known) throws IOException {
        try (JsonParser parser = mapper.createParser(mapper.writeValueAsBytes(body))) {
            return reader.read(parser, known);
        }
    }

    private static Map<String, String> statuses(PodPageReader.Result page) {
        Map<String, String> statuses = new LinkedHashMap<>();
        page.pods().forEach(pod -> statuses.put(pod.name(), pod.status()));
        return statuses;
    }
}
