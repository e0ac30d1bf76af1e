package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.pods.PodRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodTableRowsTest {

    @Test
    void rowsCarryEveryCellAndTheToneClass() {
        String html = PodTableRows.html(List.of(new PodRow("web-0", "1/2", "CrashLoopBackOff", "3 (5m ago)", "2d", "<none>", "node-1")), "team-a");
        assertThat(html).isEqualTo("<tr class=\"pod-row\" data-name=\"web-0\"><td class=\"name\"><a class=\"pod-link\" "
                + "href=\"/pods/web-0?namespace=team-a\">web-0</a></td><td class=\"ready\">1/2</td><td class=\"status\">"
                + "<span class=\"status-badge tone-problem\">CrashLoopBackOff</span></td><td class=\"restarts\">3 (5m ago)</td>"
                + "<td class=\"age\">2d</td><td class=\"ip\">&lt;none&gt;</td><td class=\"node\">node-1</td></tr>\n");
    }

    @Test
    void everyValueIsEscapedInTextAndAttributes() {
        String html = PodTableRows.html(List.of(new PodRow("a\"><script>x</script>", "0/1", "<img src=x onerror=alert(1)>",
                "0", "1s", "'", "&")), "ns");
        assertThat(html).doesNotContain("<script>", "<img", "\"><script")
                .contains("data-name=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"")
                .contains("href=\"/pods/a%22%3E%3Cscript%3Ex%3C%2Fscript%3E?namespace=ns\"")
                .contains("&lt;img src=x onerror=alert(1)&gt;").contains("&#39;").contains("&amp;");
    }
}
