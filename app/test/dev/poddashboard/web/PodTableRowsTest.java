package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.pods.PodRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodTableRowsTest {

    @Test
    void rowsCarryEveryCellAndTheToneClass() {
        String html = PodTableRows.html(List.of(new PodRow(null, "web-0", "1/2", "CrashLoopBackOff", "3 (5m ago)", "2d",
                "<none>", "node-1", "<none>", "<none>")), "team-a", false);
        assertThat(html).isEqualTo("<tr class=\"pod-row\" data-name=\"web-0\" data-namespace=\"team-a\"><td class=\"name\"><a class=\"pod-link\" "
                + "href=\"/pods/web-0?namespace=team-a\">web-0</a></td><td class=\"ready\">1/2</td><td class=\"status\">"
                + "<span class=\"status-badge tone-problem\">CrashLoopBackOff</span></td><td class=\"restarts\">3 (5m ago)</td>"
                + "<td class=\"age\">2d</td><td class=\"ip\">&lt;none&gt;</td><td class=\"node\">node-1</td></tr>\n");
    }

    @Test
    void allNamespacesRowsStartWithTheirNamespaceAndWideRowsEndWithTheExtraColumns() {
        String html = PodTableRows.html(List.of(new PodRow("realnode-demo", "crash-demo", "0/1", "CrashLoopBackOff",
                "15 (4m ago)", "20m", "10.201.0.3", "realnode-1", "<none>", "1/2")), "", true);
        assertThat(html).startsWith("<tr class=\"pod-row\" data-name=\"crash-demo\" data-namespace=\"realnode-demo\">"
                        + "<td class=\"namespace\"><a class=\"namespace-link\" href=\"/?namespace=realnode-demo\">realnode-demo</a></td>")
                .contains("href=\"/pods/crash-demo?namespace=realnode-demo\"")
                .endsWith("<td class=\"nominated-node\">&lt;none&gt;</td><td class=\"readiness-gates\">1/2</td></tr>\n");
    }

    @Test
    void everyValueIsEscapedInTextAndAttributes() {
        String html = PodTableRows.html(List.of(new PodRow("n<s>", "a\"><script>x</script>", "0/1", "<img src=x onerror=alert(1)>",
                "0", "1s", "'", "&", "<b>", "\"")), "ns", true);
        assertThat(html).doesNotContain("<script>", "<img", "\"><script")
                .contains("data-name=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"")
                .contains("href=\"/pods/a%22%3E%3Cscript%3Ex%3C%2Fscript%3E?namespace=n%3Cs%3E\"")
                .contains("<td class=\"namespace\"><a class=\"namespace-link\" href=\"/?namespace=n%3Cs%3E\">n&lt;s&gt;</a></td>")
                .contains("<td class=\"nominated-node\">&lt;b&gt;</td>").contains("<td class=\"readiness-gates\">&quot;</td>")
                .contains("&lt;img src=x onerror=alert(1)&gt;").contains("&#39;").contains("&amp;");
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
