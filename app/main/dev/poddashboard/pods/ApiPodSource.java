package dev.poddashboard.pods;

import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.KubeApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Pods from the API server: {@code GET /api/v1/namespaces/NS/pods}, read in pages of {@value #PAGE_SIZE}. */
public final class ApiPodSource implements PodSource {
    static final int PAGE_SIZE = 500;

    private final KubeApi api;

    public ApiPodSource(KubeApi api) {
        this.api = api;
    }

    @Override
    public List<Pod> list(String namespace) {
        try {
            return listPaged(namespace);
        } catch (ClusterException.ApiError e) {
            // 410 Expired: etcd compacted past the continue token's revision; start one consistent list again.
            if (e.status().code() == 410) {
                return listPaged(namespace);
            }
            throw e;
        }
    }

    private List<Pod> listPaged(String namespace) {
        List<Pod> pods = new ArrayList<>();
        String continueToken = null;
        do {
            String path = "/api/v1/namespaces/" + namespace + "/pods?limit=" + PAGE_SIZE
                    + (continueToken == null ? "" : "&continue=" + URLEncoder.encode(continueToken, StandardCharsets.UTF_8));
            Pod.PodList page = api.get(path, Pod.PodList.class);
            pods.addAll(page.items());
            continueToken = page.metadata().continueToken();
        } while (continueToken != null && !continueToken.isEmpty());
        return pods;
    }

    @Override
    public Pod get(String namespace, String name) {
        return api.get("/api/v1/namespaces/" + namespace + "/pods/" + name, Pod.class);
    }
}
