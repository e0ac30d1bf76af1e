package dev.poddashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.testing.Fixtures;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A reload through kubectl port-forward moves only the page: assets revalidate to 304, pages and JSON are gzipped. */
class TransferTest {
    private RunningApp app;

    @BeforeEach
    void start() {
        app = RunningApp.demo(new MutableClock(Fixtures.CAPTURED_AT));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<byte[]> get(String path, String header, String value) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
        if (header != null) {
            request.header(header, value);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void everyAssetOfThePageIsCachedOrRevalidatedToA304() throws Exception {
        String page = app.get("/").body();
        Matcher assets = Pattern.compile("(?:href|src)=\"(/(?:static|webjars)/[^\"]+)\"").matcher(page);
        int seen = 0;
        String bootstrap = null;
        while (assets.find()) {
            seen++;
            if (assets.group(1).startsWith("/webjars/")) {
                bootstrap = assets.group(1);
            }
            HttpResponse<byte[]> first = get(assets.group(1), null, null);
            assertThat(first.statusCode()).as(assets.group(1)).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(first.headers().firstValue("Cache-Control")).as(assets.group(1)).isPresent();
            HttpResponse<byte[]> again = get(assets.group(1), "If-None-Match", etag);
            assertThat(again.statusCode()).as(assets.group(1)).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
        assertThat(seen).isGreaterThanOrEqualTo(8);
        // Bootstrap's path carries its version: cached for a year without asking again.
        assertThat(bootstrap).isNotNull();
        assertThat(get(bootstrap, null, null).headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void pagesAndJsonAreCompressedForClientsThatAcceptIt() throws Exception {
        for (String path : new String[] {"/", "/api/pods", "/token"}) {
            HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip");
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            String body;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String plain = app.get(path).body();
            assertThat(gzipped.body().length).as(path).isLessThan(plain.length() / 2);
            assertThat(body).as(path).contains(path.startsWith("/api") ? "\"pods\"" : "</html>");
        }
    }
}
