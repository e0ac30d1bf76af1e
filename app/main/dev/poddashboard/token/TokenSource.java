package dev.poddashboard.token;

/** Where the dashboard's own token comes from: the mounted directory, nowhere (kubeconfig), or the demo. */
public interface TokenSource {
    TokenRead read();
}
