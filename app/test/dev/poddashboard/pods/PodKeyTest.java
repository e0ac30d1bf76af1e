package dev.poddashboard.pods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PodKeyTest {
    private static final List<PodKey> KUBECTL_A_ORDER = List.of(new PodKey("a", "web-2"), new PodKey("a", "zz"),
            new PodKey("a-b", "api"), new PodKey("ab", "a"), new PodKey("b", "a"), new PodKey("b", "b"));

    @Test
    void keysSortByNamespaceThenNameAsKubectlListsAllNamespaces() {
        TreeMap<PodKey, String> keys = new TreeMap<>();
        List<PodKey> shuffled = new java.util.ArrayList<>(KUBECTL_A_ORDER);
        java.util.Collections.reverse(shuffled);
        for (PodKey key : shuffled) {
            keys.put(key, key.namespace() + "/" + key.name());
        }
        assertThat(keys.keySet()).containsExactlyElementsOf(KUBECTL_A_ORDER);
    }

    @Test
    void aNamespaceRangeHoldsThatNamespaceOnlyEvenWhenOthersShareItsPrefix() {
        TreeMap<PodKey, String> keys = new TreeMap<>();
        KUBECTL_A_ORDER.forEach(key -> keys.put(key, key.name()));
        assertThat(keys.subMap(PodKey.first("a"), PodKey.after("a")).keySet())
                .containsExactly(new PodKey("a", "web-2"), new PodKey("a", "zz"));
        assertThat(keys.subMap(PodKey.first("ab"), PodKey.after("ab")).keySet()).containsExactly(new PodKey("ab", "a"));
        assertThat(keys.subMap(PodKey.first("c"), PodKey.after("c"))).isEmpty();
    }
}
