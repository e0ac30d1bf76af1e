package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.pods.PodChange;
import dev.poddashboard.pods.PodQuery;
import dev.poddashboard.pods.PodScope;
import dev.poddashboard.pods.PodSummary;
import dev.poddashboard.pods.Selector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A filtered live view hears only about its own pods: entering is ADDED, leaving is DELETED. */
class PodStreamTest {
    private static final PodQuery WEB = new PodQuery(PodScope.of("ns"), Selector.parse("app=web"), "", PodQuery.Sort.NAME, false, 1);

    private static PodSummary pod(String app) {
        return new PodSummary("ns", "p", "1/1", "Running", 0, null, null, "<none>", "<none>", "<none>", "<none>",
                app == null ? Map.of() : Map.of("app", app));
    }

    @Test
    void changesAreTranslatedForTheView() {
        assertThat(PodStream.typeInView(WEB, new PodChange(PodChange.Type.ADDED, pod("web"), null))).isEqualTo("ADDED");
        assertThat(PodStream.typeInView(WEB, new PodChange(PodChange.Type.ADDED, pod("db"), null))).isNull();
        assertThat(PodStream.typeInView(WEB, new PodChange(PodChange.Type.MODIFIED, pod("web"), pod("web")))).isEqualTo("MODIFIED");
        assertThat(PodStream.typeInView(WEB, new PodChange(PodChange.Type.MODIFIED, pod("web"), pod("db")))).isEqualTo("ADDED");
        assertThat(PodStream.typeInView(WEB, new PodChange(PodChange.Type.MODIFIED, pod("db"), pod("web")))).isEqualTo("DELETED");
        assertThat(PodStream.typeInView(WEB, new PodChange(PodChange.Type.MODIFIED, pod(null), pod("db")))).isNull();
        assertThat(PodStream.typeInView(WEB, new PodChange(PodChange.Type.DELETED, pod("web"), pod("web")))).isEqualTo("DELETED");
        assertThat(PodStream.typeInView(WEB, new PodChange(PodChange.Type.DELETED, pod("db"), pod("db")))).isNull();
    }
}
