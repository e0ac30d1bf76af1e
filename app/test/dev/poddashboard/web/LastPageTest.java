package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LastPageTest {
    private record Row(String name, String age) {
    }

    private final LastPage last = new LastPage();
    private final AtomicInteger renders = new AtomicInteger();

    private Supplier<String> renderer(String html) {
        return () -> {
            renders.incrementAndGet();
            return html;
        };
    }

    @Test
    void equalInputsAreServedTheKeptPageWithoutRenderingAgain() {
        Map<String, Object> first = Map.of("rows", List.of(new Row("web-1", "5m")), "wide", false);
        Map<String, Object> equal = Map.of("rows", List.of(new Row("web-1", "5m")), "wide", false);

        assertThat(last.get(first, renderer("<p>web-1 5m</p>"))).isEqualTo("<p>web-1 5m</p>");
        assertThat(last.get(equal, renderer("rendered again"))).isEqualTo("<p>web-1 5m</p>");
        assertThat(renders).hasValue(1);
    }

    @Test
    void anythingTheInputsChangeRendersTheNewPageAndKeepsOnlyIt() {
        Map<String, Object> young = Map.of("rows", List.of(new Row("web-1", "59s")));
        Map<String, Object> older = Map.of("rows", List.of(new Row("web-1", "60s")));

        assertThat(last.get(young, renderer("59s"))).isEqualTo("59s");
        assertThat(last.get(older, renderer("60s"))).isEqualTo("60s");
        assertThat(last.get(older, renderer("not this"))).isEqualTo("60s");
        // one page is kept: the view before is rendered again
        assertThat(last.get(young, renderer("59s again"))).isEqualTo("59s again");
        assertThat(renders).hasValue(3);
    }

    @Test
    void aRenderThatFailsKeepsNothing() {
        Map<String, Object> inputs = Map.of("page", 1);
        assertThatThrownBy(() -> last.get(inputs, () -> {
            throw new IllegalStateException("template error");
        })).hasMessage("template error");
        assertThat(last.get(inputs, renderer("after the failure"))).isEqualTo("after the failure");
        assertThat(renders).hasValue(1);
    }
}
