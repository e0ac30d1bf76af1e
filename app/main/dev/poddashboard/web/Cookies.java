package dev.poddashboard.web;

import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** The dashboard's cookies: HttpOnly (no script reads them), SameSite=Strict (no other site's page sends them), path /. */
final class Cookies {
    private Cookies() {
    }

    static Cookie strict(String name, String value) {
        Cookie cookie = new Cookie(name, value);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        return cookie;
    }
}
