package dev.poddashboard.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poddashboard.cluster.KubeApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The two reads the lesson makes beyond the pages' own: API discovery, and the NetworkPolicies of a namespace. */
public interface ClusterReads {

    /** The verbs API discovery lists for tokenreviews (authentication.k8s.io/v1). */
    List<String> tokenReviewVerbs();

    /** The NetworkPolicies of {@code namespace} whose podSelector selects a pod with these labels. */
    List<String> policiesSelecting(String namespace, Map<String, String> labels);

    /** Demo mode: what a real API server answers, and the base manifests' NetworkPolicy. */
    ClusterReads DEMO = new ClusterReads() {
        @Override
        public List<String> tokenReviewVerbs() {
            return List.of("create");
        }

        @Override
        public List<String> policiesSelecting(String namespace, Map<String, String> labels) {
            return List.of("pod-dashboard-ingress");
        }
    };

    /** A live API server. */
    static ClusterReads of(KubeApi api) {
        return new ClusterReads() {
            @Override
            public List<String> tokenReviewVerbs() {
                JsonNode list = api.get("/apis/authentication.k8s.io/v1", JsonNode.class);
                for (JsonNode resource : list.path("resources")) {
                    if (resource.path("name").asText().equals("tokenreviews")) {
                        List<String> verbs = new ArrayList<>();
                        resource.path("verbs").forEach(v -> verbs.add(v.asText()));
                        return verbs;
                    }
                }
                return List.of();
            }

            @Override
            public List<String> policiesSelecting(String namespace, Map<String, String> labels) {
                JsonNode list = api.get("/apis/networking.k8s.io/v1/namespaces/" + namespace + "/networkpolicies", JsonNode.class);
                List<String> selecting = new ArrayList<>();
                for (JsonNode policy : list.path("items")) {
                    JsonNode selector = policy.path("spec").path("podSelector");
                    boolean matches = !selector.has("matchExpressions") || selector.path("matchExpressions").isEmpty();
                    var fields = selector.path("matchLabels").fields();
                    while (fields.hasNext()) {
                        var label = fields.next();
                        matches &= label.getValue().asText().equals(labels.get(label.getKey()));
                    }
                    if (matches) {
                        selecting.add(policy.path("metadata").path("name").asText());
                    }
                }
                return selecting;
            }
        };
    }
}
