package dev.poddashboard.token;

/** Where the dashboard's own token comes from: the mounted directory, nowhere (kubeconfig), or the demo. */
public interface TokenSource {
    TokenRead read();

    /**
     * Called once the server listens. A source that needs a while to make its token (the demo's key pair) starts
     * on it now, on a thread of its own, rather than during the start or at the first page that shows it.
     */
    default void prepare() {
    }
}
