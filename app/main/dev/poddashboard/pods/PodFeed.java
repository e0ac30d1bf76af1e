package dev.poddashboard.pods;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.cluster.ApiStatus;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.KubeApi;
import dev.poddashboard.cluster.Watch;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one scope's pods come from the API server: LIST pages and WATCH events, asked for as Tables with the whole
 * object, as kubectl asks ({@link PodTable}). A server that answers with a plain PodList instead (Kubernetes
 * before 1.10, and aggregated or proxying API servers that do not implement server-side printing) is remembered,
 * and its pods are printed by the local port of kubectl's printer.
 */
final class PodFeed {
    private static final Logger LOG = LoggerFactory.getLogger(PodFeed.class);
    // The API server ends each watch after this; a random 5-10 min in client-go, one value is enough here.
    private static final int WATCH_TIMEOUT_SECONDS = 290;

    private final KubeApi api;
    private final PodScope scope;
    private final int pageSize;
    /** The first LIST page: the rows of the list's first view (PodQuery's page size). */
    static final int FIRST_PAGE = PodQuery.PAGE_SIZE;
    private final PodPageReader reader;
    private volatile boolean tables = true;
    private volatile PodTable.Columns columns = PodTable.Columns.NONE;

    /** One LIST page, summarized in the order the server sent it (by name; by namespace, then name, at -A). */
    record Page(List<PodSummary> pods, String resourceVersion, String continueToken) {
        boolean last() {
            return continueToken == null || continueToken.isEmpty();
        }
    }

    /** One line of a watch. */
    sealed interface Event {
        /** ADDED, MODIFIED or DELETED; {@code pods} has one pod (a Table event could carry several rows). */
        record Changed(String type, List<PodSummary> pods, String resourceVersion) implements Event {
        }

        record Bookmark(String resourceVersion) implements Event {
        }

        /** An ERROR event: a Status (410 Gone when the watch is too far behind). */
        record Failed(ApiStatus status) implements Event {
        }

        record Ignored(String type) implements Event {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WatchLine(String type, JsonNode object) {
    }

    PodFeed(KubeApi api, PodScope scope, int pageSize) {
        this.api = api;
        this.scope = scope;
        this.pageSize = pageSize;
        this.reader = new PodPageReader(api.mapper());
    }

    /** Whether the server prints the rows (false once it answered a Table request with a plain list). */
    boolean serverPrinted() {
        return tables;
    }

    Page list(String continueToken) {
        boolean asTable = tables;
        // The first page is one page of the pod list (100 rows, sorted by name as the API server lists them), so
        // the first view can be drawn from it at once; the rest comes in pages of pageSize. A continue token does
        // not depend on the limit.
        int limit = continueToken == null ? Math.min(pageSize, FIRST_PAGE) : pageSize;
        String path = scope.path() + "?limit=" + limit + (asTable ? "&includeObject=Object" : "")
                + (continueToken == null ? "" : "&continue=" + URLEncoder.encode(continueToken, StandardCharsets.UTF_8));
        PodPageReader.Result page = api.getStreaming(path, asTable ? PodTable.ACCEPT : "application/json",
                parser -> reader.read(parser, columns));
        if (page.table()) {
            columns = page.columns();
        } else if (asTable) {
            LOG.info("{}: the API server answers a Table request with a plain list; printing rows with kubectl's "
                    + "rules as ported here", scope.describe());
            tables = false;
        }
        return new Page(page.pods(), page.metadata().resourceVersion(), page.metadata().continueToken());
    }

    /** A whole list, read page by page, keyed as the cache keys pods. */
    record Whole(Map<PodKey, PodSummary> pods, String resourceVersion) {
    }

    /** Every page of a list; a 410 on a continue token (etcd compacted past it) starts over once. */
    Whole listAll(BooleanSupplier stopped) {
        Map<PodKey, PodSummary> pods = new TreeMap<>();
        String continueToken = null;
        boolean restarted = false;
        String rv = null;
        while (!stopped.getAsBoolean()) {
            Page page;
            try {
                page = list(continueToken);
            } catch (ClusterException.ApiError e) {
                if (e.status().code() == 410 && continueToken != null && !restarted) {
                    restarted = true;
                    continueToken = null;
                    pods.clear();
                    continue;
                }
                throw e;
            }
            for (PodSummary pod : page.pods()) {
                pods.put(PodKey.of(pod), pod);
            }
            rv = page.resourceVersion();
            if (page.last()) {
                break;
            }
            continueToken = page.continueToken();
        }
        return new Whole(pods, rv);
    }

    Watch watch(String resourceVersion) {
        boolean asTable = tables;
        String path = scope.path() + "?watch=1&allowWatchBookmarks=true&timeoutSeconds=" + WATCH_TIMEOUT_SECONDS
                + (asTable ? "&includeObject=Object" : "")
                + (resourceVersion == null ? "" : "&resourceVersion=" + URLEncoder.encode(resourceVersion, StandardCharsets.UTF_8));
        return api.watch(path, asTable ? PodTable.ACCEPT : "application/json");
    }

    Event parse(String line) {
        WatchLine event = api.parse(line, WatchLine.class);
        if (event.type() == null || event.object() == null) {
            return new Event.Ignored(String.valueOf(event.type()));
        }
        ObjectMapper mapper = api.mapper();
        JsonNode object = event.object();
        String rv = object.path("metadata").path("resourceVersion").asText(null);
        switch (event.type()) {
            case "ADDED", "MODIFIED", "DELETED" -> {
                if ("Table".equals(object.path("kind").asText())) {
                    // Only the first event of a Table watch carries the column definitions.
                    PodPageReader.Result table = readTable(object);
                    columns = table.columns();
                    for (JsonNode row : object.path("rows")) {
                        String rowVersion = row.path("object").path("metadata").path("resourceVersion").asText(null);
                        rv = rowVersion != null ? rowVersion : rv;
                    }
                    return new Event.Changed(event.type(), table.pods(), rv);
                }
                return new Event.Changed(event.type(), List.of(PodPrinter.summarize(mapper.convertValue(object, Pod.class))), rv);
            }
            case "BOOKMARK" -> {
                return new Event.Bookmark(rv);
            }
            case "ERROR" -> {
                return new Event.Failed(mapper.convertValue(object, ApiStatus.class));
            }
            default -> {
                return new Event.Ignored(event.type());
            }
        }
    }

    private PodPageReader.Result readTable(JsonNode table) {
        try (JsonParser parser = api.mapper().treeAsTokens(table)) {
            return reader.read(parser, columns);
        } catch (IOException e) {
            throw new IllegalArgumentException("a Table watch event that is no Table: " + e.getMessage(), e);
        }
    }
}
