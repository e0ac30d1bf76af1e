package dev.poddashboard.web;

import dev.poddashboard.pods.PodQuery;
import dev.poddashboard.pods.PodScope;
import dev.poddashboard.pods.Selector;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/** Query and path parameters, validated the way the API server validates names; bad values are 400s. */
final class Params {
    // DNS-1123 label (namespaces) and subdomain (pod names), as the API server enforces them.
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAX_FILTER = 253;

    private final String defaultNamespace;

    Params(String defaultNamespace) {
        this.defaultNamespace = defaultNamespace;
    }

    String defaultNamespace() {
        return defaultNamespace;
    }

    String namespace(Context ctx) {
        String ns = ctx.queryParam("namespace");
        if (ns == null || ns.isBlank()) {
            return defaultNamespace;
        }
        if (!DNS_LABEL.matcher(ns).matches()) {
            throw new BadRequest("namespace '" + shorten(ns) + "' is not a valid namespace name: "
                    + "lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63");
        }
        return ns;
    }

    static String podName(Context ctx) {
        String name = ctx.pathParam("name");
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            throw new BadRequest("'" + shorten(name) + "' is not a valid pod name: lower-case letters, digits, "
                    + "'-' and '.', at most 253");
        }
        return name;
    }

    PodQuery podQuery(Context ctx) {
        String filter = ctx.queryParam("q");
        if (filter != null && filter.length() > MAX_FILTER) {
            throw new BadRequest("q (the name filter) is longer than " + MAX_FILTER + " characters");
        }
        PodQuery.Sort sort = PodQuery.Sort.NAME;
        String sortParam = ctx.queryParam("sort");
        if (sortParam != null && !sortParam.isEmpty()) {
            try {
                sort = PodQuery.Sort.parse(sortParam);
            } catch (IllegalArgumentException e) {
                throw new BadRequest(e.getMessage());
            }
        }
        String dir = ctx.queryParam("dir");
        if (dir != null && !dir.isEmpty() && !dir.equals("asc") && !dir.equals("desc")) {
            throw new BadRequest("dir must be asc or desc");
        }
        Selector selector;
        try {
            selector = Selector.parse(ctx.queryParam("selector"));
        } catch (Selector.Invalid e) {
            throw new BadRequest(e.getMessage());
        }
        boolean all = flag(ctx, "all-namespaces");
        PodScope scope = all ? PodScope.allNamespaces() : PodScope.of(namespace(ctx));
        if (sort == PodQuery.Sort.NAME && all && (sortParam == null || sortParam.isEmpty())) {
            sort = PodQuery.Sort.NAMESPACE; // kubectl -A lists by namespace, then name
        }
        return new PodQuery(scope, selector, filter, sort, "desc".equals(dir), page(ctx));
    }

    /** A true/false query parameter; absent or empty is false. */
    static boolean flag(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty() || raw.equals("false") || raw.equals("0")) {
            return false;
        }
        if (raw.equals("true") || raw.equals("1")) {
            return true;
        }
        throw new BadRequest(name + " must be true or false");
    }

    /** The scope of a pod stream: ?all-namespaces=true, else ?namespace= (default the dashboard's own). */
    PodScope scope(Context ctx) {
        return flag(ctx, "all-namespaces") ? PodScope.allNamespaces() : PodScope.of(namespace(ctx));
    }

    static int page(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw);
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequest("page must be a whole number from 1 up");
    }

    static boolean isDnsLabel(String value) {
        return DNS_LABEL.matcher(value).matches();
    }

    static String shorten(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
