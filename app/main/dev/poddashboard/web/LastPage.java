package dev.poddashboard.web;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The last page rendered from one template, and what it was rendered from. The same inputs make the same page, so a
 * classroom loading the same pod list between two changes pays for one render, not one per view: the template is
 * most of what {@code /} costs (docs/benchmark.md, "The last page, kept").
 *
 * <p>Only for a template whose inputs are values: records, strings, numbers, lists of them, whose {@code equals}
 * compares everything the page shows. An input that compares by identity (a parsed label selector's matcher) only
 * makes the page rendered again. One page is kept per template, so memory stays one page (about 60 KB at 10,000
 * pods); a different view replaces it.
 */
final class LastPage {
    private record Rendered(Object inputs, String html) {
    }

    private final AtomicReference<Rendered> last = new AtomicReference<>();

    /** The page for these inputs: the last one if its inputs were equal, else {@code render}'s, then kept. */
    String get(Object inputs, Supplier<String> render) {
        Objects.requireNonNull(inputs, "inputs");
        Rendered kept = last.get();
        if (kept != null && kept.inputs().equals(inputs)) {
            return kept.html();
        }
        String html = render.get();
        last.set(new Rendered(inputs, html));
        return html;
    }
}
