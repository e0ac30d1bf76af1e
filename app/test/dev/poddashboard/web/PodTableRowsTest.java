package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.pods.PodRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodTableRowsTest {

    @Test
    void rowsCarryEveryCellAndTheToneClass() {
        String html = new PodTableRows().html(List.of(new PodRow(null, "web-0", "1/2", "CrashLoopBackOff", "3 (5m ago)", "2d",
                "<none>", "node-1", "<none>", "<none>")), "team-a", false);
        assertThat(html).isEqualTo("<tr class=\"pod-row\" data-name=\"web-0\" data-namespace=\"team-a\"><td class=\"name\"><a class=\"pod-link\" "
                + "href=\"/pods/web-0?namespace=team-a\">web-0</a></td><td class=\"ready\">1/2</td><td class=\"status\">"
                + "<span class=\"status-badge tone-problem\">CrashLoopBackOff</span></td><td class=\"restarts\">3 (5m ago)</td>"
                + "<td class=\"age\">2d</td><td class=\"ip\">&lt;none&gt;</td><td class=\"node\">node-1</td></tr>\n");
    }

    @Test
    void allNamespacesRowsStartWithTheirNamespaceAndWideRowsEndWithTheExtraColumns() {
        String html = new PodTableRows().html(List.of(new PodRow("realnode-demo", "crash-demo", "0/1", "CrashLoopBackOff",
                "15 (4m ago)", "20m", "10.201.0.3", "realnode-1", "<none>", "1/2")), "", true);
        assertThat(html).startsWith("<tr class=\"pod-row\" data-name=\"crash-demo\" data-namespace=\"realnode-demo\">"
                        + "<td class=\"namespace\"><a class=\"namespace-link\" href=\"/?namespace=realnode-demo\">realnode-demo</a></td>")
                .contains("href=\"/pods/crash-demo?namespace=realnode-demo\"")
                .endsWith("<td class=\"nominated-node\">&lt;none&gt;</td><td class=\"readiness-gates\">1/2</td></tr>\n");
    }

    @Test
    void everyValueIsEscapedInTextAndAttributes() {
        String html = new PodTableRows().html(List.of(new PodRow("n<s>", "a\"><script>x</script>", "0/1", "<img src=x onerror=alert(1)>",
                "0", "1s", "'", "&", "<b>", "\"")), "ns", true);
        assertThat(html).doesNotContain("<script>", "<img", "\"><script")
                .contains("data-name=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"")
                .contains("href=\"/pods/a%22%3E%3Cscript%3Ex%3C%2Fscript%3E?namespace=n%3Cs%3E\"")
                .contains("<td class=\"namespace\"><a class=\"namespace-link\" href=\"/?namespace=n%3Cs%3E\">n&lt;s&gt;</a></td>")
                .contains("<td class=\"nominated-node\">&lt;b&gt;</td>").contains("<td class=\"readiness-gates\">&quot;</td>")
                .contains("&lt;img src=x onerror=alert(1)&gt;").contains("&#39;").contains("&amp;");
    }

    private static PodRow row(String name, String age) {
        return new PodRow(null, name, "1/1", "Running", "0", age, "10.0.0.1", "node-1", "<none>", "<none>");
    }

    @Test
    void aRowReadsTheSameFromTheCacheAndAnewOnceItChanges() {
        PodTableRows rows = new PodTableRows();
        String first = rows.html(List.of(row("web-0", "5m"), row("web-1", "5m")), "shop", false);
        assertThat(rows.cachedRows()).isEqualTo(2);
        assertThat(rows.html(List.of(row("web-0", "5m"), row("web-1", "5m")), "shop", false)).isEqualTo(first);
        assertThat(rows.cachedRows()).isEqualTo(2);
        // Its AGE moved on: the new markup, not the kept one.
        assertThat(rows.html(List.of(row("web-0", "6m")), "shop", false)).contains("<td class=\"age\">6m</td>")
                .doesNotContain(">5m<");
        // The same row in another namespace, or with -o wide, is another row.
        assertThat(rows.html(List.of(row("web-0", "5m")), "team-b", false)).contains("namespace=team-b\"")
                .doesNotContain("shop");
        assertThat(rows.html(List.of(row("web-0", "5m")), "shop", true)).contains("class=\"readiness-gates\"");
        assertThat(rows.cachedRows()).isEqualTo(5);
    }

    @Test
    void aPagesRowsAreWrittenOnlyWhenThePageIs() {
        PodTableRows rows = new PodTableRows();
        List<PodRow> page = List.of(row("web-0", "5m"), row("web-1", "5m"));
        PodTableRows.Markup markup = rows.markup(page, "shop", false);
        // A kept page compares what it was rendered from: equal rows, equal markup, nothing written yet.
        assertThat(markup).isEqualTo(rows.markup(List.of(row("web-0", "5m"), row("web-1", "5m")), "shop", false))
                .isNotEqualTo(rows.markup(List.of(row("web-0", "6m"), row("web-1", "5m")), "shop", false))
                .isNotEqualTo(rows.markup(page, "team-b", false))
                .isNotEqualTo(rows.markup(page, "shop", true));
        assertThat(rows.cachedRows()).isZero();
        // The template writes toString(): the rows' markup.
        assertThat(markup.toString()).isEqualTo(new PodTableRows().html(page, "shop", false))
                .contains("data-name=\"web-1\"");
        assertThat(rows.cachedRows()).isEqualTo(2);
    }

    @Test
    void theCacheIsBounded() {
        PodTableRows rows = new PodTableRows();
        for (int i = 0; i < PodTableRows.MAX_CACHED_ROWS * 3; i++) {
            rows.html(List.of(row("pod-" + i, "1d")), "ns", false);
            assertThat(rows.cachedRows()).isLessThanOrEqualTo(PodTableRows.MAX_CACHED_ROWS);
        }
        assertThat(rows.html(List.of(row("pod-7", "1d")), "ns", false)).contains("data-name=\"pod-7\"");
    }

    @Test
    void headersLinkToTheirSortAndMarkTheSortedOneEscaped() {
        java.util.Map<String, PodController.SortLink> columns = new java.util.LinkedHashMap<>();
        columns.put("name", new PodController.SortLink("NAME", "/?sort=name&dir=desc", true, false));
        columns.put("age", new PodController.SortLink("AGE", "/?sort=age&q=\"><x>", false, false));
        assertThat(PodTableRows.header(columns)).isEqualTo(
                "<th scope=\"col\" class=\"col-name\" aria-sort=\"ascending\"><a class=\"sort-link\" "
                        + "href=\"/?sort=name&amp;dir=desc\" id=\"sort-name\">NAME</a></th>\n"
                        + "<th scope=\"col\" class=\"col-age\" aria-sort=\"none\"><a class=\"sort-link\" "
                        + "href=\"/?sort=age&amp;q=&quot;&gt;&lt;x&gt;\" id=\"sort-age\">AGE</a></th>\n");
        columns.put("name", new PodController.SortLink("NAME", "/", true, true));
        assertThat(PodTableRows.header(columns)).contains("class=\"col-name\" aria-sort=\"descending\"");
    }
}
