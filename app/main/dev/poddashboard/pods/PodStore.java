package dev.poddashboard.pods;

/**
 * Where the pages get pods: a list+watch cache of the API server (one per namespace), or the demo data.
 * Failures are ClusterExceptions.
 */
public interface PodStore extends AutoCloseable {

    /** The namespace's pods, sorted by name; the first call for a namespace waits for its first list. */
    PodSnapshot snapshot(String namespace);

    Pod get(String namespace, String name);

    /** Changes as they happen, until the returned handle is closed. */
    Subscription subscribe(String namespace, PodListener listener);

    @Override
    default void close() {
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Called from the watch thread; must not block. */
    interface PodListener {
        void changed(PodChange change);

        void freshness(Freshness freshness);
    }
}
