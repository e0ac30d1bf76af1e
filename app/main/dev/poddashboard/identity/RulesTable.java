package dev.poddashboard.identity;

import java.util.List;

/**
 * A SelfSubjectRulesReview as {@code kubectl auth can-i --list} prints it: resources × verbs.
 *
 * @param incomplete true when an authorizer could not list its rules (the list may then be too short)
 */
public record RulesTable(String namespace, List<ResourceRow> resources, List<NonResourceRow> nonResources,
                         boolean incomplete, String evaluationError) {
    /** The verbs shown as columns; others still appear in {@link ResourceRow#verbs()}. */
    public static final List<String> COLUMNS = List.of("get", "list", "watch", "create", "update", "patch", "delete");

    public RulesTable {
        resources = List.copyOf(resources);
        nonResources = List.copyOf(nonResources);
        evaluationError = evaluationError == null ? "" : evaluationError;
    }

    public List<String> columns() {
        return COLUMNS;
    }

    /** @param resource "pods", or "tokenreviews.authentication.k8s.io" outside the core group */
    public record ResourceRow(String resource, List<String> verbs, List<String> resourceNames) {
        public ResourceRow {
            verbs = List.copyOf(verbs);
            resourceNames = List.copyOf(resourceNames);
        }

        /** Verbs that have no column (deletecollection, impersonate, bind, custom verbs ...). */
        public List<String> otherVerbs() {
            return verbs.stream().filter(v -> !COLUMNS.contains(v) && !v.equals("*")).toList();
        }

        public boolean allows(String verb) {
            return verbs.contains(verb) || verbs.contains("*");
        }
    }

    public record NonResourceRow(List<String> urls, List<String> verbs) {
        public NonResourceRow {
            urls = List.copyOf(urls);
            verbs = List.copyOf(verbs);
        }
    }
}
