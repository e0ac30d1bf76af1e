package dev.poddashboard.pods;

import java.util.List;

/** Where pods come from: the API server, or the built-in demo data. Failures are ClusterExceptions. */
public interface PodSource {
    List<Pod> list(String namespace);

    Pod get(String namespace, String name);
}
