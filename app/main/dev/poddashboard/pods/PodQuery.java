package dev.poddashboard.pods;

import java.util.Locale;
import java.util.Objects;

/**
 * What a list request asks for: a namespace or all of them, a label selector, a name filter, a sort column and
 * direction, a page.
 *
 * @param page 1-based
 */
public record PodQuery(PodScope scope, Selector selector, String filter, Sort sort, boolean descending, int page) {
    public static final int PAGE_SIZE = 100;

    public PodQuery {
        Objects.requireNonNull(scope);
        selector = selector == null ? Selector.everything() : selector;
        filter = filter == null ? "" : filter.trim();
        Objects.requireNonNull(sort);
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
    }

    /** Whether a pod belongs in this view: its name contains the filter and its labels match the selector. */
    public boolean includes(PodSummary pod) {
        return pod != null && (filter.isEmpty() || pod.name().toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT)))
                && selector.matches(pod.labels());
    }

    /** The columns of {@code kubectl get pods -o wide} a user can sort by. */
    public enum Sort {
        NAMESPACE(".metadata.namespace"),
        NAME(".metadata.name"),
        READY(null),
        STATUS(".status.phase"),
        RESTARTS(".status.containerStatuses[0].restartCount"),
        AGE(".metadata.creationTimestamp"),
        IP(".status.podIP"),
        NODE(".spec.nodeName");

        private final String kubectlField;

        Sort(String kubectlField) {
            this.kubectlField = kubectlField;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The {@code --sort-by} JSONPath kubectl uses for the same order, when there is one. */
        public String kubectlField() {
            return kubectlField;
        }

        public static Sort parse(String value) {
            for (Sort sort : values()) {
                if (sort.key().equals(value)) {
                    return sort;
                }
            }
            throw new IllegalArgumentException("sort must be one of namespace, name, ready, status, restarts, age, ip, node");
        }
    }
}
