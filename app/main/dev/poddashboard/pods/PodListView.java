package dev.poddashboard.pods;

import java.util.List;

/**
 * The pod list page: one page of printed rows and what produced them.
 *
 * @param total    pods in the namespace
 * @param matching pods whose name contains the filter
 * @param pages    at least 1
 */
public record PodListView(String namespace, List<PodRow> rows, int total, int matching, String filter,
                          PodQuery.Sort sort, boolean descending, int page, int pages, String kubectl,
                          Freshness freshness) {
    public PodListView {
        rows = List.copyOf(rows);
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
