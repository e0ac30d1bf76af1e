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
 *
 * <p>The pod list, the hot path, is kept as last rendered ({@link LastPage}) and served again while nothing it shows
 * has changed: its model is records and strings throughout, and the layout adds the site (whose server version can
 * change, so its label is part of what is compared), the section and the signed-in visitor.
 */
final class ThymeleafRenderer implements FileRenderer {
    private final TemplateEngine engine;
    private final Site site;
    /** The templates whose model is values only (see {@link LastPage}). */
    private final Map<String, LastPage> lastPages = Map.of("pods/list", new LastPage());

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

    /**
     * What a page is rendered from: the controller's model and what the layout adds.
     *
     * @param visitor null unless AUTH_MODE=token signed someone in
     */
    private record Inputs(Map<String, Object> model, String section, Object visitor, String serverVersion) {
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        Inputs inputs = new Inputs(Map.copyOf(model), section(ctx.path()), ctx.attribute(AuthGate.VISITOR), site.serverVersion());
        ctx.contentType("text/html; charset=utf-8");
        LastPage last = lastPages.get(template);
        return last == null ? process(template, inputs) : last.get(inputs, () -> process(template, inputs));
    }

    private String process(String template, Inputs inputs) {
        org.thymeleaf.context.Context context = new org.thymeleaf.context.Context();
        context.setVariables(inputs.model());
        context.setVariable("site", site);
        context.setVariable("section", inputs.section());
        context.setVariable("visitor", inputs.visitor());
        return engine.process(template, context);
    }
}
