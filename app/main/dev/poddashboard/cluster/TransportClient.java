package dev.poddashboard.cluster;

import io.kubernetes.client.openapi.ApiClient;
import java.util.HashMap;

/**
 * client-java's {@link ApiClient} as the dashboard uses it: the transport (OkHttp, TLS with the cluster's CA,
 * client certificates) and authentication (the token-file refresh, kubeconfig credentials), given to
 * {@code ClientBuilder.setApiClient}, which configures it exactly as it configures its own. What it leaves out is the
 * client's Gson {@code JSON}, built by {@code ApiClient}'s constructor: its set-up registers a type adapter for each
 * of client-java's ~770 generated models, and the dashboard reads and writes every body with Jackson
 * ({@link KubeApi}). Without it a start loads ~910 classes fewer (the models' adapter factories and Gson), and the
 * AOT cache the image maps into memory is smaller by as much (docs/benchmark.md). Should a caller still ask client-java
 * to (de)serialize, its static JSON is set up then, on first use.
 */
final class TransportClient extends ApiClient {
    /** As {@code ApiClient.init()} does, less the {@code JSON} instance (its {@code getJSON()} answers null). */
    @Override
    protected void init() {
        verifyingSsl = true;
        authentications = new HashMap<>();
    }
}
