package dev.poddashboard.pods;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one LIST page (a Table, or a plain PodList) while it streams in, and prints each pod as soon as it is
 * parsed: a page of 500 pods never exists as 500 whole objects at once. Held whole, a page outlived the young
 * collections that ran while it was parsed and moved to the old generation, which grew by ~35 MiB of such
 * garbage while 10,000 pods were listed (GC log of the benchmark), and the heap stayed that large.
 */
final class PodPageReader {
    private static final TypeReference<List<PodTable.Column>> COLUMNS = new TypeReference<>() {
    };

    /** The page's pods in the order sent; {@code columns}: this page's, else those it was given. */
    record Result(List<PodSummary> pods, Pod.ListMeta metadata, boolean table, PodTable.Columns columns) {
    }

    private final ObjectMapper mapper;

    PodPageReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param known the column positions of earlier pages, for rows that come before this page's definitions (the
     *              API server sends the definitions first; a Table watch event carries none after the first)
     */
    Result read(JsonParser parser, PodTable.Columns known) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw MismatchedInputException.from(parser, Result.class, "a pod list is a JSON object");
        }
        String kind = null;
        Pod.ListMeta metadata = null;
        PodTable.Columns columns = null;
        boolean rows = false;
        List<PodSummary> pods = new ArrayList<>();
        List<PodTable.Row> unprinted = new ArrayList<>(); // rows before any definitions, when none are known
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "kind" -> kind = parser.getValueAsString();
                case "metadata" -> metadata = mapper.readValue(parser, Pod.ListMeta.class);
                case "columnDefinitions" -> {
                    List<PodTable.Column> definitions = mapper.readValue(parser, COLUMNS);
                    if (definitions != null && !definitions.isEmpty()) {
                        columns = PodTable.Columns.of(definitions);
                    }
                }
                case "rows" -> {
                    rows = true;
                    if (value != JsonToken.START_ARRAY) {
                        parser.skipChildren(); // null, or not a list: no rows
                        continue;
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        PodTable.Row row = mapper.readValue(parser, PodTable.Row.class);
                        if (row == null) {
                            continue;
                        }
                        if (columns == null && known == PodTable.Columns.NONE) {
                            unprinted.add(row);
                        } else {
                            pods.add(PodTable.summarize(row, columns != null ? columns : known));
                        }
                    }
                }
                case "items" -> {
                    if (value != JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        Pod pod = mapper.readValue(parser, Pod.class);
                        if (pod != null) {
                            pods.add(PodPrinter.summarize(pod));
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        PodTable.Columns at = columns != null ? columns : known;
        for (PodTable.Row row : unprinted) {
            pods.add(PodTable.summarize(row, at));
        }
        return new Result(pods, metadata == null ? new Pod.ListMeta(null, null, null) : metadata,
                rows || "Table".equals(kind), at);
    }
}
