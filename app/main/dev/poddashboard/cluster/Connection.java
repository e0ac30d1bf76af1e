package dev.poddashboard.cluster;

import dev.poddashboard.config.Mode;
import java.util.Optional;

/**
 * The resolved way to the cluster.
 *
 * @param mode        in-cluster, kubeconfig or demo (never auto)
 * @param api         the API server; empty in demo mode
 * @param namespace   the namespace pages show by default: the pod's own in cluster
 * @param credentials one sentence on how requests authenticate, for the page footer
 */
public record Connection(Mode mode, Optional<KubeApi> api, String namespace, String credentials) {

    public boolean demo() {
        return mode == Mode.DEMO;
    }

    public String server() {
        return api.map(KubeApi::baseUrl).orElse("none (demo data)");
    }
}
