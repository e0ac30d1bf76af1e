package dev.poddashboard.web;

import dev.poddashboard.pods.PodRow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.unbescape.html.HtmlEscape;

/**
 * The {@code <tr>}s of the pod table and its sortable headers, written directly: the list page's hot path.
 * Rendered through Thymeleaf's OGNL the 100 rows of a page cost about 8 ms of CPU (a dozen reflective expression
 * evaluations per row); this costs a few hundred microseconds. Every value is escaped here with the escaper
 * Thymeleaf itself uses for {@code th:text}, and the markup matches what static/js/live.js builds for rows that arrive live.
 * <p>
 * A row's markup is kept while the row reads the same (a pod's row changes with a watch event, and its AGE every
 * minute or less often): the rows of a page view are mostly looked up, not escaped again. With the page in ASCII,
 * warm {@code /} at 10,000 pods went from ~750 to ~510 µs of CPU per view (docs/benchmark.md). The cache is emptied
 * once it holds {@link #MAX_CACHED_ROWS} rows (a few more when several views fill it at once); each row is then
 * written once again.
 */
final class PodTableRows {
    /** About 1 MB of markup: twenty pages of rows, however many views read them. */
    static final int MAX_CACHED_ROWS = 2_000;

    /** A row as one list shows it: the same pod's row differs with and without -o wide, and at -A. */
    private record Key(PodRow row, String namespace, boolean wide) {
    }

    private final Map<Key, String> cached = new ConcurrentHashMap<>();

    /**
     * A page's rows as the template writes them ({@code th:utext} writes {@link #toString()}): equal when the rows,
     * the namespace and {@code wide} are, and written only when the page is rendered. A page kept by
     * {@link LastPage} and served again does not write its rows at all.
     */
    record Markup(PodTableRows printer, List<PodRow> rows, String namespace, boolean wide) {
        @Override
        public String toString() {
            return printer.html(rows, namespace, wide);
        }
    }

    /** The rows of a page, to be written when (and if) the page is rendered. */
    Markup markup(List<PodRow> rows, String namespace, boolean wide) {
        return new Markup(this, rows, namespace, wide);
    }

    /**
     * @param namespace the list's namespace (rows of an all-namespaces list carry their own)
     * @param wide      with NOMINATED NODE and READINESS GATES, as {@code -o wide} prints them
     */
    String html(List<PodRow> rows, String namespace, boolean wide) {
        StringBuilder html = new StringBuilder(rows.size() * 520);
        for (PodRow row : rows) {
            Key key = new Key(row, namespace, wide);
            String markup = cached.get(key);
            if (markup == null) {
                if (cached.size() >= MAX_CACHED_ROWS) {
                    cached.clear();
                }
                markup = row(row, namespace, wide);
                cached.put(key, markup);
            }
            html.append(markup);
        }
        return html.toString();
    }

    /** The rows kept, for tests. */
    int cachedRows() {
        return cached.size();
    }

    private static String row(PodRow row, String namespace, boolean wide) {
        StringBuilder html = new StringBuilder(520);
        String ns = row.namespaceOr(namespace);
        String name = escape(row.name());
        html.append("<tr class=\"pod-row\" data-name=\"").append(name).append("\" data-namespace=\"")
                .append(escape(ns)).append("\">");
        if (row.namespace() != null) {
            html.append("<td class=\"namespace\"><a class=\"namespace-link\" href=\"")
                    .append(escape(ListUrl.namespace(ns))).append("\">").append(escape(ns)).append("</a></td>");
        }
        html.append("<td class=\"name\"><a class=\"pod-link\" href=\"/pods/")
                .append(escape(URLEncoder.encode(row.name(), StandardCharsets.UTF_8))).append("?namespace=")
                .append(escape(URLEncoder.encode(ns, StandardCharsets.UTF_8))).append("\">").append(name).append("</a></td>");
        cell(html, "ready", row.ready());
        html.append("<td class=\"status\"><span class=\"status-badge tone-").append(row.tone()).append("\">")
                .append(escape(row.status())).append("</span></td>");
        cell(html, "restarts", row.restarts());
        cell(html, "age", row.age());
        cell(html, "ip", row.ip());
        cell(html, "node", row.node());
        if (wide) {
            cell(html, "nominated-node", row.nominatedNode());
            cell(html, "readiness-gates", row.readinessGates());
        }
        html.append("</tr>\n");
        return html.toString();
    }

    /** The sortable column headers: each links to the list sorted by it; the sorted one says so in aria-sort. */
    static String header(Map<String, PodController.SortLink> columns) {
        StringBuilder html = new StringBuilder(columns.size() * 160);
        columns.forEach((key, column) -> html.append("<th scope=\"col\" class=\"col-").append(escape(key))
                .append("\" aria-sort=\"")
                .append(column.active() ? column.descending() ? "descending" : "ascending" : "none")
                .append("\"><a class=\"sort-link\" href=\"").append(escape(column.url())).append("\" id=\"sort-")
                .append(escape(key)).append("\">").append(escape(column.label())).append("</a></th>\n"));
        return html.toString();
    }

    private static void cell(StringBuilder html, String css, String value) {
        html.append("<td class=\"").append(css).append("\">").append(escape(value)).append("</td>");
    }

    static String escape(String value) {
        return HtmlEscape.escapeHtml4Xml(value);
    }
}
