package dev.poddashboard.pods;

/**
 * One pod added, changed or deleted, as a watch event reports it.
 *
 * @param previous the pod as it was before (null for ADDED, or when it was not known), so a filtered view can
 *                 tell whether the pod enters it, stays in it or leaves it
 */
public record PodChange(Type type, PodSummary pod, PodSummary previous) {
    public enum Type { ADDED, MODIFIED, DELETED }
}
