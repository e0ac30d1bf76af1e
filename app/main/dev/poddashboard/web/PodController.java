package dev.poddashboard.web;

import dev.poddashboard.pods.PodDetail;
import dev.poddashboard.pods.PodListView;
import dev.poddashboard.pods.PodQuery;
import dev.poddashboard.pods.PodRow;
import dev.poddashboard.pods.PodService;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pod list and pod pages, and their JSON twins under {@code /api}. */
final class PodController {
    private final PodService pods;
    private final Params params;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    PodController(PodService pods, Params params, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.pods = pods;
        this.params = params;
        this.mapper = mapper;
    }

    /** A column header: where clicking it leads, and whether the list is sorted by it now. */
    record SortLink(String label, String url, boolean active, boolean descending) {
    }

    void listPage(Context ctx) {
        PodQuery query = params.podQuery(ctx);
        PodListView view = pods.list(query);
        Map<String, SortLink> columns = new LinkedHashMap<>();
        for (PodQuery.Sort sort : PodQuery.Sort.values()) {
            boolean active = sort == view.sort();
            boolean nextDescending = active && !view.descending();
            columns.put(sort.key(), new SortLink(sort.name(), url(view.namespace(), view.filter(), sort, nextDescending, 1),
                    active, view.descending()));
        }
        ctx.render("pods/list", Map.of(
                "view", view,
                "columns", columns,
                "rowsHtml", PodTableRows.html(view.rows(), view.namespace()),
                "eventsUrl", "/api/pods/events?namespace=" + encode(view.namespace()),
                "previousUrl", url(view.namespace(), view.filter(), view.sort(), view.descending(), view.page() - 1),
                "nextUrl", url(view.namespace(), view.filter(), view.sort(), view.descending(), view.page() + 1)));
    }

    void detailPage(Context ctx) {
        String name = Params.podName(ctx);
        PodDetail detail = pods.detail(params.namespace(ctx), name);
        ctx.render("pods/detail", Map.of("pod", detail,
                "backUrl", url(detail.namespace(), "", PodQuery.Sort.NAME, false, 1)));
    }

    record PagedPodsJson(String namespace, List<PodRow> pods, int total, int matching, int page, int pages) {
    }

    void listJson(Context ctx) throws java.io.IOException {
        PodQuery query = params.podQuery(ctx);
        if (ctx.queryParam("page") == null) {
            writeAll(ctx, query.namespace(), pods.rows(query));
            return;
        }
        PodListView view = pods.list(query);
        ctx.json(new PagedPodsJson(view.namespace(), view.rows(), view.total(), view.matching(), view.page(), view.pages()));
    }

    /**
     * The full list, streamed straight to the response: 10,000 rows never become one 1.2 MB string first.
     * Shape: {@code {"namespace": ..., "pods": [row, ...]}}.
     */
    private void writeAll(Context ctx, String namespace, List<PodRow> rows) throws java.io.IOException {
        ctx.contentType("application/json");
        try (com.fasterxml.jackson.core.JsonGenerator json = mapper.getFactory().createGenerator(ctx.outputStream())) {
            json.writeStartObject();
            json.writeStringField("namespace", namespace);
            json.writeArrayFieldStart("pods");
            for (PodRow row : rows) {
                json.writeStartObject();
                json.writeStringField("name", row.name());
                json.writeStringField("ready", row.ready());
                json.writeStringField("status", row.status());
                json.writeStringField("restarts", row.restarts());
                json.writeStringField("age", row.age());
                json.writeStringField("ip", row.ip());
                json.writeStringField("node", row.node());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    void detailJson(Context ctx) {
        String name = Params.podName(ctx);
        ctx.json(pods.detail(params.namespace(ctx), name));
    }

    static String url(String namespace, String filter, PodQuery.Sort sort, boolean descending, int page) {
        StringBuilder url = new StringBuilder("/?namespace=").append(encode(namespace));
        if (!filter.isEmpty()) {
            url.append("&q=").append(encode(filter));
        }
        if (sort != PodQuery.Sort.NAME) {
            url.append("&sort=").append(sort.key());
        }
        if (descending) {
            url.append("&dir=desc");
        }
        if (page > 1) {
            url.append("&page=").append(page);
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
