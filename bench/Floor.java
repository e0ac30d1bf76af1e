import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.kubernetes.client.openapi.ApiClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The memory floor under the dashboard (bash bench/run --floor; README, "Benchmark"): a Javalin hello world on the
 * dashboard's class path, alone or with the libraries the dashboard renders and talks with initialized and used on
 * every request (a Thymeleaf template, a Jackson document, the Kubernetes client's ApiClient held). bench/run starts
 * it with the image's JVM flags and its own trained AOT cache and reads its RSS under load: what the stack takes
 * before the dashboard holds a single pod (bench/Bench.java's floor()). Arguments: [--port N] [--libraries] [--train].
 */
public class Floor {
    static final String TEMPLATE = "<ul><li th:each=\"pod : ${pods}\" th:text=\"${pod}\">pod</li></ul>";

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean libraries = options.contains("--libraries");
        boolean train = options.contains("--train");
        int port = options.contains("--port") ? Integer.parseInt(options.get(options.indexOf("--port") + 1)) : 0;
        TemplateEngine templates = libraries ? templates() : null;
        ObjectMapper json = libraries ? new ObjectMapper() : null;
        ApiClient client = libraries ? new ApiClient().setBasePath("http://127.0.0.1:1") : null;
        Javalin app = Javalin.create(config -> config.routes.get("/", ctx -> {
            if (!libraries) {
                ctx.result("hello");
                return;
            }
            Context model = new Context();
            model.setVariable("pods", List.of("api-7d9f", "web-5c2b", "worker-0"));
            ctx.html(templates.process(TEMPLATE, model)
                    + json.writeValueAsString(Map.of("basePath", client.getBasePath(), "pods", 3)));
        })).start(port);
        if (train) {
            // The training run for the AOT cache: the requests the measured run serves, then exit. A bare socket, so
            // no HTTP client's classes end up in the cache.
            byte[] get = "GET / HTTP/1.1\r\nHost: floor\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 3000; i++) {
                try (Socket socket = new Socket("127.0.0.1", app.port()); InputStream in = socket.getInputStream()) {
                    socket.getOutputStream().write(get);
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            app.stop();
        }
    }

    static TemplateEngine templates() {
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        return engine;
    }
}
