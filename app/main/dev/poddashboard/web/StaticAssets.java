package dev.poddashboard.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.webjars.WebJarVersionLocator;

/**
 * The handful of files the pages load (our CSS and JS, Bootstrap's CSS from its webjar), read into memory at
 * start and served from there with an ETag. Javalin's classpath file handler would mount the whole 50 MB jar as
 * a zip file system (measured: half a second at start and tens of MiB of heap); an explicit list also means
 * nothing else on the classpath can ever be served.
 */
final class StaticAssets {
    private static final List<String> OWN = List.of("css/app.css", "js/countdown.js", "js/live.js", "js/logs.js",
            "js/copy.js", "js/token-history.js", "js/display.js", "js/lesson.js",
            "favicon.svg");

    record Asset(byte[] bytes, String contentType, String etag, String cacheControl) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();
    private final String bootstrapCss;

    StaticAssets() {
        for (String file : OWN) {
            // Our own files change with every build: revalidate each time (cheap with the ETag).
            assets.put("/static/" + file, load("static/" + file, "no-cache"));
        }
        String bootstrap = new WebJarVersionLocator().path("bootstrap", "css/bootstrap.min.css");
        if (bootstrap == null) {
            throw new IllegalStateException("the Bootstrap webjar is missing from the classpath");
        }
        bootstrapCss = "/webjars/" + bootstrap;
        // The webjar path carries Bootstrap's version, so it can be cached for a year.
        assets.put(bootstrapCss, load("META-INF/resources/webjars/" + bootstrap, "public, max-age=31536000, immutable"));
    }

    /** e.g. /webjars/bootstrap/5.3.8/css/bootstrap.min.css */
    String bootstrapCss() {
        return bootstrapCss;
    }

    /** Serves the asset at the request path, or a 404 for anything not on the list. */
    void serve(Context ctx) {
        Asset asset = assets.get(ctx.path());
        if (asset == null) {
            ctx.status(404);
            return;
        }
        ctx.header("ETag", asset.etag()).header("Cache-Control", asset.cacheControl());
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private static Asset load(String resource, String cacheControl) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            byte[] bytes = in.readAllBytes();
            String type = resource.endsWith(".css") ? "text/css; charset=utf-8"
                    : resource.endsWith(".svg") ? "image/svg+xml" : "text/javascript; charset=utf-8";
            // A version tag, not a signature: CRC-32C runs as one CPU instruction per 8 bytes, where SHA-256 ran
            // interpreted this early and cost 40 ms of every start (measured).
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            String etag = "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(bytes.length) + "\"";
            return new Asset(bytes, type, etag, cacheControl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
