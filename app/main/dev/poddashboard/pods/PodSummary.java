package dev.poddashboard.pods;

import java.time.Instant;
import java.util.Map;

/**
 * What {@code kubectl get pods -o wide} prints for a pod, minus what depends on the time (AGE and "(5m ago)"):
 * worked out once when the pod changes, so a page view over 10,000 pods only formats the rows it shows. Strings
 * that repeat across pods (namespace, ready, status, node, label keys and values) are interned, so 100,000 pods
 * share them.
 *
 * @param ready          "1/2", as printed
 * @param restarts       the count part of RESTARTS
 * @param lastRestart    when the last counted container restarted, if RESTARTS prints "(… ago)"; else null
 * @param nominatedNode  NOMINATED NODE, {@code <none>} when unset
 * @param readinessGates READINESS GATES, e.g. "1/2", {@code <none>} when the pod has none
 * @param labels         the pod's labels, for {@code -l} selectors
 */
public record PodSummary(String namespace, String name, String ready, String status, int restarts, Instant lastRestart,
                         Instant created, String ip, String node, String nominatedNode, String readinessGates,
                         Map<String, String> labels) {

    public PodSummary {
        labels = labels == null ? Map.of() : labels;
    }

    /** Ready containers over all, for sorting by READY; 0 when the text is not "a/b". */
    double readyFraction() {
        int slash = ready.indexOf('/');
        if (slash <= 0) {
            return 0;
        }
        try {
            int total = Integer.parseInt(ready.substring(slash + 1));
            return total == 0 ? 0 : Integer.parseInt(ready.substring(0, slash)) / (double) total;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Labels with interned keys and values: many pods carry the same ones (app=web, pod-template-hash=…). */
    static Map<String, String> internLabels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] entries = new Map.Entry[labels.size()];
        int i = 0;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            entries[i++] = Map.entry(e.getKey().intern(), e.getValue() == null ? "" : e.getValue().intern());
        }
        return Map.ofEntries(entries);
    }
}
