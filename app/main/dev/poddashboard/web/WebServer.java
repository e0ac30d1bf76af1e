package dev.poddashboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.pods.PodService;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.GlobalHeadersConfig;
import java.util.Map;
import org.webjars.WebJarVersionLocator;

/** Builds the web server, unstarted, so tests run the real thing on a port of their choosing. */
public final class WebServer {
    private WebServer() {
    }

    public static Javalin create(Site site, PodService podService, ObjectMapper mapper) {
        Params params = new Params(site.namespace());
        PodController pods = new PodController(podService, params);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.fileRenderer(new ThymeleafRenderer(site));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.bundledPlugins.enableGlobalHeaders(headers -> {
                // No inline script or style anywhere, so the policy can be this strict.
                headers.contentSecurityPolicy("default-src 'self'");
                headers.xContentTypeOptionsNoSniff();
                headers.xFrameOptions(GlobalHeadersConfig.XFrameOptions.DENY);
                headers.referrerPolicy(GlobalHeadersConfig.ReferrerPolicy.NO_REFERRER);
            });

            config.routes.get("/", pods::listPage);
            config.routes.get("/pods/{name}", pods::detailPage);
            config.routes.get("/api/pods", pods::listJson);
            config.routes.get("/api/pods/{name}", pods::detailJson);
            // Liveness: the process answers. Readiness: settings are valid and the server can render pages;
            // neither asks the API server, so an API outage does not take the explanation pages off the Service.
            config.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.get("/readyz", ctx -> ctx.json(Map.of("status", "ready", "mode", site.mode(),
                    "namespace", site.namespace())));
            ErrorPages.register(config.routes);
        });
    }

    /** The webjar path of Bootstrap's CSS, e.g. {@code /webjars/bootstrap/5.3.8/css/bootstrap.min.css}. */
    public static String bootstrapCss() {
        String path = new WebJarVersionLocator().path("bootstrap", "css/bootstrap.min.css");
        return "/webjars/" + (path == null ? "bootstrap/css/bootstrap.min.css" : path);
    }
}
