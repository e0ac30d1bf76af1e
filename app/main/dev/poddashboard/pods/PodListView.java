package dev.poddashboard.pods;

import java.util.List;

/**
 * The pod list page: one page of printed rows and what produced them.
 *
 * @param total    pods in the scope (so far, while the first list is still arriving)
 * @param matching pods that match the selector and whose name contains the filter
 * @param pages    at least 1
 * @param complete false while the first list is still arriving: the count is still growing
 */
public record PodListView(PodQuery query, List<PodRow> rows, int total, int matching, int page, int pages,
                          String kubectl, Freshness freshness, boolean complete) {
    public PodListView {
        rows = List.copyOf(rows);
    }

    public boolean allNamespaces() {
        return query.scope().isAll();
    }

    /** The namespace shown, or empty for all namespaces. */
    public String namespace() {
        return allNamespaces() ? "" : query.scope().namespace();
    }

    public String filter() {
        return query.filter();
    }

    public String selector() {
        return query.selector().text();
    }

    public PodQuery.Sort sort() {
        return query.sort();
    }

    public boolean descending() {
        return query.descending();
    }

    /** True when a name filter or a label selector narrows the list. */
    public boolean narrowed() {
        return !query.filter().isEmpty() || !query.selector().isEmpty();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** 1-based index of the first row on this page, for "showing 101–200 of 1,234". */
    public int firstIndex() {
        return rows.isEmpty() ? 0 : (page - 1) * PodQuery.PAGE_SIZE + 1;
    }

    public int lastIndex() {
        return rows.isEmpty() ? 0 : firstIndex() + rows.size() - 1;
    }
}
