package dev.poddashboard.pods;

import java.util.List;
import java.util.Map;

/** Everything the pod page shows about one pod. */
public record PodDetail(
        String name,
        String namespace,
        String uid,
        PodRow row,
        String phase,
        String statusReason,
        String statusMessage,
        String qosClass,
        String created,
        String node,
        String hostIP,
        List<String> podIPs,
        String serviceAccountName,
        String automount,
        boolean tokenMounted,
        List<TokenVolume> tokenVolumes,
        List<ContainerView> containers,
        List<ConditionView> conditions,
        Map<String, String> labels,
        String kubectl) {

    public PodDetail {
        podIPs = List.copyOf(podIPs);
        tokenVolumes = List.copyOf(tokenVolumes);
        containers = List.copyOf(containers);
        conditions = List.copyOf(conditions);
        labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
    }

    /**
     * A projected volume with a serviceAccountToken source: the automatic {@code kube-api-access-*} one that
     * the ServiceAccount admission plugin adds, or one the pod spec declares itself.
     *
     * @param expirationSeconds requested lifetime; the kubelet refreshes the token at 80 % of it
     * @param audience          empty means the API server's own audience
     * @param caConfigMap       the ConfigMap the CA bundle comes from ({@code kube-root-ca.crt}), empty when none
     * @param namespaceFile     the file the downward API writes metadata.namespace to, empty when none
     */
    public record TokenVolume(String name, boolean automatic, List<String> mountPaths, String tokenPath,
                              Long expirationSeconds, String audience, String caConfigMap, String namespaceFile) {
        public TokenVolume {
            mountPaths = List.copyOf(mountPaths);
        }
    }

    /** @param kind "init", "sidecar" or "container" */
    public record ContainerView(String name, String kind, String image, String state, String reason,
                                boolean ready, int restarts, String lastTermination) {
    }

    public record ConditionView(String type, String status, String reason, String message, String lastTransition) {
    }
}
