package dev.poddashboard.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code templates/NAME.html} from the classpath. Every page gets {@code site} (connection and demo
 * banner) and {@code section} for the navigation. Thymeleaf escapes every {@code th:text}; the one
 * {@code th:utext} inserts the pod table's rows, escaped in {@link PodTableRows}.
 */
final class ThymeleafRenderer implements FileRenderer {
    private final TemplateEngine engine;
    private final Site site;

    ThymeleafRenderer(Site site) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ThymeleafRenderer.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.engine = new TemplateEngine();
        this.engine.setTemplateResolver(resolver);
        this.engine.setLinkBuilder(new RootLinkBuilder());
        this.site = site;
    }

    /** {@code @{/...}} links: the dashboard is always served at the root, so the context path is empty. */
    private static final class RootLinkBuilder extends StandardLinkBuilder {
        @Override
        protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
            return "";
        }
    }

    /** Which navigation entry is active. */
    private static String section(String path) {
        if (path.startsWith("/token/decode")) {
            return "decode";
        }
        if (path.startsWith("/access")) {
            return "access";
        }
        if (path.startsWith("/lesson")) {
            return "lesson";
        }
        return path.startsWith("/token") ? "token" : "pods";
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        org.thymeleaf.context.Context context = new org.thymeleaf.context.Context();
        context.setVariables(Map.copyOf(model));
        context.setVariable("site", site);
        context.setVariable("section", section(ctx.path()));
        context.setVariable("visitor", ctx.attribute(AuthGate.VISITOR)); // null unless AUTH_MODE=token signed someone in
        ctx.contentType("text/html; charset=utf-8");
        return engine.process(template, context);
    }
}
