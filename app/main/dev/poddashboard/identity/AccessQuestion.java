package dev.poddashboard.identity;

/**
 * One {@code kubectl auth can-i} question, as a SelfSubjectAccessReview's resourceAttributes.
 *
 * @param group       "" for the core group (pods, secrets ...), e.g. "apps" for deployments
 * @param subresource "" or e.g. "log"
 * @param name        "" for any object of the resource
 */
public record AccessQuestion(String namespace, String verb, String group, String resource, String subresource, String name) {

    /** As kubectl writes the resource: pods, pods/log, deployments.apps. */
    public String resourceArg() {
        return resource + (group.isEmpty() ? "" : "." + group) + (subresource.isEmpty() ? "" : "/" + subresource);
    }

    /** What is asked, as kubectl auth can-i takes it: "get pods/log my-app", "list pods". */
    public String asked() {
        return verb + " " + resourceArg() + (name.isEmpty() ? "" : " " + name);
    }
}
