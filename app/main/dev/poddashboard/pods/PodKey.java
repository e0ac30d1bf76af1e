package dev.poddashboard.pods;

/**
 * A pod's place in a cache: namespace, then name, the order {@code kubectl get pods -A} lists in. It holds the
 * pod's own two strings: at 100,000 pods, a joined "namespace NUL name" key per pod cost ~5 MB of heap.
 */
record PodKey(String namespace, String name) implements Comparable<PodKey> {

    static PodKey of(PodSummary pod) {
        return new PodKey(pod.namespace(), pod.name());
    }

    /** The first key of a namespace: every key of it is at or after this one, and before {@link #after}. */
    static PodKey first(String namespace) {
        return new PodKey(namespace, "");
    }

    /** The first key past a namespace: no namespace sorts between {@code ns} and {@code ns + NUL}. */
    static PodKey after(String namespace) {
        return new PodKey(namespace + '\0', "");
    }

    @Override
    public int compareTo(PodKey other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }
}
