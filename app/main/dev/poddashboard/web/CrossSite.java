package dev.poddashboard.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses a state-changing request another site's page made the browser send (CSRF): the browser's own
 * {@code Sec-Fetch-Site} says where it came from, and where it is missing, {@code Origin} must name this host.
 * A request with neither (curl, an API client) did not come from a page and passes: it carries no ambient
 * credentials a page could borrow (in token mode it has to bring its own bearer token).
 */
final class CrossSite {
    private CrossSite() {
    }

    static void check(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            String s = site.trim().toLowerCase(Locale.ROOT);
            if (s.equals("same-origin") || s.equals("none")) {
                return;
            }
            throw refused("the browser says it came from another site (Sec-Fetch-Site: " + Params.shorten(site) + ")");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = ctx.header("Host");
        if (host == null || !sameHost(origin, host)) {
            throw refused("its Origin " + Params.shorten(origin) + " is not this dashboard (" + Params.shorten(String.valueOf(host)) + ")");
        }
    }

    /** Origin "http://localhost:8080" against Host "localhost:8080" (default ports left out of either). */
    static boolean sameHost(String origin, String host) {
        try {
            URI o = URI.create(origin.trim());
            if (o.getHost() == null) {
                return false;
            }
            int originPort = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            URI h = URI.create("//" + host.trim());
            int hostPort = h.getPort() != -1 ? h.getPort() : originPort;
            return o.getHost().equalsIgnoreCase(h.getHost()) && originPort == hostPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Refused refused(String why) {
        return new Refused(ErrorView.simple(403, "Cross-site request refused", "This request changes something, and " + why
                + ". The dashboard answers such requests only from its own pages."));
    }
}
