package dev.poddashboard.web;

import dev.poddashboard.pods.PodQuery;
import dev.poddashboard.pods.PodScope;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A link to the pod list: every parameter a list view has, with defaults left out so links stay short and
 * bookmarkable ({@code /?namespace=…&all-namespaces=true&selector=…&q=…&sort=…&dir=desc&page=…&wide=true}).
 */
record ListUrl(PodScope scope, String selector, String filter, PodQuery.Sort sort, boolean descending, int page,
               boolean wide) {

    static ListUrl of(PodQuery query, boolean wide) {
        return new ListUrl(query.scope(), query.selector().text(), query.filter(), query.sort(), query.descending(),
                query.page(), wide);
    }

    /** The plain list of a namespace: what the back link of a pod page and a namespace picker lead to. */
    static String namespace(String namespace) {
        return new ListUrl(PodScope.of(namespace), "", "", PodQuery.Sort.NAME, false, 1, false).toString();
    }

    /** The pods of a namespace (or of all) with one label, for a clicked label on the pod page. */
    static String label(PodScope scope, String key, String value) {
        return new ListUrl(scope, key + "=" + value, "", defaultSort(scope), false, 1, false).toString();
    }

    ListUrl sorted(PodQuery.Sort by, boolean desc) {
        return new ListUrl(scope, selector, filter, by, desc, 1, wide);
    }

    ListUrl page(int number) {
        return new ListUrl(scope, selector, filter, sort, descending, number, wide);
    }

    ListUrl wide(boolean on) {
        return new ListUrl(scope, selector, filter, sort, descending, page, on);
    }

    /** The same selection across all namespaces, or back in one namespace. */
    ListUrl scope(PodScope other) {
        return new ListUrl(other, selector, filter, defaultSort(other), false, 1, wide);
    }

    private static PodQuery.Sort defaultSort(PodScope scope) {
        return scope.isAll() ? PodQuery.Sort.NAMESPACE : PodQuery.Sort.NAME;
    }

    @Override
    public String toString() {
        StringBuilder url = new StringBuilder("/?");
        if (scope.isAll()) {
            url.append("all-namespaces=true");
        } else {
            url.append("namespace=").append(encode(scope.namespace()));
        }
        if (!selector.isEmpty()) {
            url.append("&selector=").append(encode(selector));
        }
        if (!filter.isEmpty()) {
            url.append("&q=").append(encode(filter));
        }
        if (sort != defaultSort(scope)) {
            url.append("&sort=").append(sort.key());
        }
        if (descending) {
            url.append("&dir=desc");
        }
        if (page > 1) {
            url.append("&page=").append(page);
        }
        if (wide) {
            url.append("&wide=true");
        }
        return url.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
