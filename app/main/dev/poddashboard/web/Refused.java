package dev.poddashboard.web;

/**
 * A request the dashboard itself turns away, with the page that says why: a cross-site POST, a visitor the cluster
 * does not allow (AUTH_MODE=token), a page asked of the metrics port. Mapped in {@link ErrorPages}.
 */
final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ErrorView view;

    Refused(ErrorView view) {
        super(view.message(), null, false, false);
        this.view = view;
    }

    ErrorView view() {
        return view;
    }
}
