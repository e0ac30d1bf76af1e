package dev.poddashboard.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.events.EventRow;
import dev.poddashboard.events.PodEvents;
import dev.poddashboard.pods.Namespaces;
import dev.poddashboard.pods.PodManifest;
import dev.poddashboard.pods.PodDetail;
import dev.poddashboard.pods.PodListView;
import dev.poddashboard.pods.PodQuery;
import dev.poddashboard.pods.PodRow;
import dev.poddashboard.pods.PodScope;
import dev.poddashboard.pods.PodService;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pod list and pod pages, and their JSON twins under {@code /api}. */
final class PodController {
    private final PodService pods;
    private final Namespaces namespaces;
    private final PodEvents events;
    private final PodManifest manifests;
    private final Params params;
    private final ObjectMapper mapper;
    private final PodTableRows tableRows = new PodTableRows();

    PodController(Services services, Params params, ObjectMapper mapper) {
        this.pods = services.pods();
        this.namespaces = services.namespaces();
        this.events = services.events();
        this.manifests = services.manifests();
        this.params = params;
        this.mapper = mapper;
    }

    /** A column header: where clicking it leads, and whether the list is sorted by it now. */
    record SortLink(String label, String url, boolean active, boolean descending) {
    }

    void listPage(Context ctx) {
        PodQuery query = params.podQuery(ctx);
        ClientId.of(ctx); // the browser's id, before its live list asks for a stream (the per-browser bound)
        boolean wide = Params.flag(ctx, "wide");
        PodListView view = pods.list(query);
        if (!view.allNamespaces()) {
            namespaces.visited(view.namespace());
        }
        ListUrl here = ListUrl.of(query, wide);
        Map<String, SortLink> columns = new LinkedHashMap<>();
        for (PodQuery.Sort sort : PodQuery.Sort.values()) {
            if (sort == PodQuery.Sort.NAMESPACE && !view.allNamespaces()) {
                continue;
            }
            boolean active = sort == view.sort();
            columns.put(sort.key(), new SortLink(sort.name(), here.sorted(sort, active && !view.descending()).toString(),
                    active, view.descending()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("wide", wide);
        model.put("headerHtml", PodTableRows.header(columns));
        model.put("rowsHtml", tableRows.markup(view.rows(), view.namespace(), wide));
        model.put("eventsUrl", eventsUrl(query));
        // What the page fetches instead of the stream while too many viewers hold one: this page's rows, as JSON.
        model.put("snapshotUrl", "/api/pods" + here.toString().substring(1) + (view.page() > 1 ? "" : "&page=1"));
        model.put("previousUrl", here.page(view.page() - 1).toString());
        model.put("nextUrl", here.page(view.page() + 1).toString());
        model.put("wideUrl", here.wide(!wide).toString());
        model.put("scopeUrl", here.scope(view.allNamespaces() ? PodScope.of(params.defaultNamespace()) : PodScope.allNamespaces()).toString());
        model.put("clearUrl", new ListUrl(query.scope(), "", "", query.sort(), query.descending(), 1, wide).toString());
        model.put("namespaces", namespaces.choices());
        ctx.render("pods/list", model);
    }

    /** The SSE stream for exactly this view: scope, selector and name filter are applied on the server. */
    private static String eventsUrl(PodQuery query) {
        StringBuilder url = new StringBuilder("/api/pods/events?");
        url.append(query.scope().isAll() ? "all-namespaces=true" : "namespace=" + ListUrl.encode(query.scope().namespace()));
        if (!query.selector().isEmpty()) {
            url.append("&selector=").append(ListUrl.encode(query.selector().text()));
        }
        if (!query.filter().isEmpty()) {
            url.append("&q=").append(ListUrl.encode(query.filter()));
        }
        return url.toString();
    }

    void detailPage(Context ctx) {
        String name = Params.podName(ctx);
        PodDetail detail = pods.detail(params.namespace(ctx), name);
        Map<String, String> labelUrls = new LinkedHashMap<>();
        detail.labels().forEach((key, value) -> labelUrls.put(key,
                ListUrl.label(PodScope.of(detail.namespace()), key, value)));
        ctx.render("pods/detail", Map.of("pod", detail, "labelUrls", labelUrls,
                "backUrl", ListUrl.namespace(detail.namespace()),
                "events", events.forPod(detail.namespace(), detail.name(), detail.uid()),
                "logsUrl", podUrl(detail.namespace(), detail.name(), "/logs"),
                "yamlUrl", podUrl(detail.namespace(), detail.name(), "/yaml")));
    }

    /** e.g. /pods/web-1/logs?namespace=shop */
    static String podUrl(String namespace, String name, String page) {
        return "/pods/" + ListUrl.encode(name) + page + "?namespace=" + ListUrl.encode(namespace);
    }

    /**
     * {@code /api/pods/{name}}: the pod page's facts and its events. When the events could not be listed,
     * {@code "events"} is empty and {@code "eventsError"} says why (with the grant, for a denial).
     */
    record PodJson(@JsonUnwrapped PodDetail pod, List<EventRow> events,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Boolean eventsTruncated,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String eventsError,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> eventsCommands) {
    }

    void detailJson(Context ctx) {
        String name = Params.podName(ctx);
        PodDetail detail = pods.detail(params.namespace(ctx), name);
        PodEvents.Result result = events.forPod(detail.namespace(), detail.name(), detail.uid());
        PodJson json;
        if (result instanceof PodEvents.Result.Listed listed) {
            json = new PodJson(detail, listed.events(), listed.truncated() ? Boolean.TRUE : null, null, List.of());
        } else if (result instanceof PodEvents.Result.Denied denied) {
            json = new PodJson(detail, List.of(), null, denied.explanation(), denied.commands());
        } else {
            json = new PodJson(detail, List.of(), null, ((PodEvents.Result.Unavailable) result).reason(), List.of());
        }
        ctx.json(json);
    }

    /** {@code kubectl get pod NAME -o yaml} in a page with a copy button. */
    void yamlPage(Context ctx) {
        String name = Params.podName(ctx);
        String namespace = params.namespace(ctx);
        boolean managedFields = Params.flag(ctx, "managedFields");
        String yaml = manifests.yaml(namespace, name, managedFields);
        String yamlUrl = podUrl(namespace, name, "/yaml");
        ctx.render("pods/yaml", Map.of("name", name, "namespace", namespace, "yaml", yaml,
                "managedFields", managedFields, "backUrl", podUrl(namespace, name, ""),
                "toggleUrl", yamlUrl + (managedFields ? "" : "&managedFields=true"),
                "rawUrl", "/api" + yamlUrl + (managedFields ? "&managedFields=true" : ""),
                "kubectl", "kubectl get pod " + name + " -n " + namespace + " -o yaml"
                        + (managedFields ? " --show-managed-fields" : "")));
    }

    void yamlText(Context ctx) {
        String name = Params.podName(ctx);
        String yaml = manifests.yaml(params.namespace(ctx), name, Params.flag(ctx, "managedFields"));
        ctx.contentType("application/yaml; charset=utf-8").result(yaml);
    }

    record PagedPodsJson(String namespace, Boolean allNamespaces, String selector, List<PodRow> pods, int total,
                         int matching, int page, int pages, boolean complete) {
    }

    void listJson(Context ctx) throws IOException {
        PodQuery query = params.podQuery(ctx);
        String namespace = query.scope().isAll() ? null : query.scope().namespace();
        String selector = query.selector().isEmpty() ? null : query.selector().text();
        if (ctx.queryParam("page") == null) {
            writeAll(ctx, namespace, selector, pods.rows(query));
            return;
        }
        PodListView view = pods.list(query);
        ctx.json(new PagedPodsJson(namespace, namespace == null ? Boolean.TRUE : null, selector, view.rows(),
                view.total(), view.matching(), view.page(), view.pages(), view.complete()));
    }

    /**
     * The full list, streamed straight to the response: 10,000 rows never become one 1.2 MB string first.
     * Shape: {@code {"namespace": ..., "pods": [row, ...]}}; across namespaces {@code "allNamespaces": true} and
     * every row carries its {@code "namespace"}.
     */
    private void writeAll(Context ctx, String namespace, String selector, List<PodRow> rows) throws IOException {
        ctx.contentType("application/json");
        try (JsonGenerator json = mapper.getFactory().createGenerator(ctx.outputStream())) {
            json.writeStartObject();
            if (namespace == null) {
                json.writeBooleanField("allNamespaces", true);
            } else {
                json.writeStringField("namespace", namespace);
            }
            if (selector != null) {
                json.writeStringField("selector", selector);
            }
            json.writeArrayFieldStart("pods");
            for (PodRow row : rows) {
                json.writeStartObject();
                if (row.namespace() != null) {
                    json.writeStringField("namespace", row.namespace());
                }
                json.writeStringField("name", row.name());
                json.writeStringField("ready", row.ready());
                json.writeStringField("status", row.status());
                json.writeStringField("restarts", row.restarts());
                json.writeStringField("age", row.age());
                json.writeStringField("ip", row.ip());
                json.writeStringField("node", row.node());
                json.writeStringField("nominatedNode", row.nominatedNode());
                json.writeStringField("readinessGates", row.readinessGates());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

}
