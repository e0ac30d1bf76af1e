package dev.poddashboard.web;

import io.javalin.http.Context;
import java.util.UUID;

/**
 * Tells browsers apart for the per-browser limits (followed logs, live lists, questions a minute): behind kubectl
 * port-forward they all come from 127.0.0.1. The pd-client cookie is a random id set on the first page a browser
 * opens (HttpOnly, SameSite=Strict; it grants nothing); an API client without it counts by address.
 */
final class ClientId {
    static final String COOKIE = "pd-client";

    private ClientId() {
    }

    static String of(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null && id.matches("[0-9a-f-]{36}")) {
            return id;
        }
        if (!ctx.path().startsWith("/api/")) {
            String fresh = UUID.randomUUID().toString();
            ctx.cookie(Cookies.strict(COOKIE, fresh));
            return fresh;
        }
        return "address " + ctx.ip();
    }
}
