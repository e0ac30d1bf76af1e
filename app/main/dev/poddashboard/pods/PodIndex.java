package dev.poddashboard.pods;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scope's pods by key, in kubectl's order, safe to read from request threads while the watch thread writes.
 * A snapshot is copied at most once per change, however many page views read it.
 */
final class PodIndex {
    private final TreeMap<PodKey, PodSummary> pods = new TreeMap<>();
    private List<PodSummary> sorted = List.of();
    private boolean dirty;

    synchronized List<PodSummary> all() {
        if (dirty) {
            sorted = List.copyOf(pods.values());
            dirty = false;
        }
        return sorted;
    }

    /** One namespace's pods of the all-namespaces index: a range of its keys, no copy of the rest. */
    synchronized List<PodSummary> namespace(String namespace) {
        return List.copyOf(pods.subMap(PodKey.first(namespace), PodKey.after(namespace)).values());
    }

    /** Adds pods as a list page arrives. */
    synchronized void addAll(List<PodSummary> page) {
        for (PodSummary pod : page) {
            pods.put(PodKey.of(pod), pod);
        }
        dirty = true;
    }

    synchronized int size() {
        return pods.size();
    }

    synchronized void clear() {
        pods.clear();
        dirty = true;
    }

    /** A watch event: the change as the view's listeners should hear it. */
    synchronized PodChange apply(String type, PodSummary pod) {
        PodKey key = PodKey.of(pod);
        dirty = true;
        if ("DELETED".equals(type)) {
            PodSummary old = pods.remove(key);
            return new PodChange(PodChange.Type.DELETED, old != null ? old : pod, old);
        }
        PodSummary old = pods.put(key, pod);
        return new PodChange(old == null ? PodChange.Type.ADDED : PodChange.Type.MODIFIED, pod, old);
    }

    /** A fresh list replaces everything; returns what changed, so live pages hear about it. */
    synchronized List<PodChange> replaceAll(Map<PodKey, PodSummary> fresh) {
        List<PodChange> changes = new ArrayList<>();
        for (Map.Entry<PodKey, PodSummary> e : fresh.entrySet()) {
            PodSummary old = pods.get(e.getKey());
            if (old == null) {
                changes.add(new PodChange(PodChange.Type.ADDED, e.getValue(), null));
            } else if (!old.equals(e.getValue())) {
                changes.add(new PodChange(PodChange.Type.MODIFIED, e.getValue(), old));
            }
        }
        for (Map.Entry<PodKey, PodSummary> e : pods.entrySet()) {
            if (!fresh.containsKey(e.getKey())) {
                changes.add(new PodChange(PodChange.Type.DELETED, e.getValue(), e.getValue()));
            }
        }
        pods.clear();
        pods.putAll(fresh);
        dirty = true;
        return changes;
    }
}
