package dev.poddashboard.pods;

/**
 * Where the pages get pods: list+watch caches of the API server, or the demo data. Failures are
 * ClusterExceptions.
 */
public interface PodStore extends AutoCloseable {

    /** The scope's pods, sorted; the first call for a scope waits for the first page of its first list. */
    PodSnapshot snapshot(PodScope scope);

    Pod get(String namespace, String name);

    /** The whole pod as the API server returns it (for {@code -o yaml}): nothing left out. */
    com.fasterxml.jackson.databind.JsonNode manifest(String namespace, String name);

    /** Changes as they happen, until the returned handle is closed. */
    Subscription subscribe(PodScope scope, PodListener listener);

    /** Starts listing a scope in the background, as an informer does at start; never waits, never throws. */
    default void prefetch(PodScope scope) {
    }

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
