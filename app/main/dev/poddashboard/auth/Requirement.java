package dev.poddashboard.auth;

import dev.poddashboard.identity.AccessQuestion;

/** What a route asks of a visitor, beyond being signed in. */
public sealed interface Requirement {
    /** Any authenticated visitor (the token decoder, the lesson, sign-out). */
    record SignedIn() implements Requirement {
    }

    /** A SubjectAccessReview for a resource: list pods in a namespace, get pods/log, ... */
    record Resource(AccessQuestion question) implements Requirement {
    }

    /** A SubjectAccessReview for a non-resource URL: get /metrics, as Prometheus is allowed it. */
    record NonResource(String path, String verb) implements Requirement {
    }

    static Requirement signedIn() {
        return new SignedIn();
    }

    /** "list pods in namespace dashboard", "get pods/log my-app in namespace dashboard", "get /metrics". */
    default String describe() {
        if (this instanceof Resource r) {
            AccessQuestion q = r.question();
            return q.asked() + (q.namespace().isEmpty() ? " in all namespaces" : " in namespace " + q.namespace());
        }
        if (this instanceof NonResource n) {
            return n.verb() + " " + n.path();
        }
        return "sign in";
    }

    /** {@code kubectl auth can-i …} for this visitor, or empty for a plain sign-in. */
    default String canI(Visitor visitor) {
        if (this instanceof Resource r) {
            AccessQuestion q = r.question();
            return "kubectl auth can-i " + q.asked() + (q.namespace().isEmpty() ? " --all-namespaces" : " -n " + q.namespace())
                    + " " + visitor.asFlags();
        }
        if (this instanceof NonResource n) {
            return "kubectl auth can-i " + n.verb() + " " + n.path() + " " + visitor.asFlags();
        }
        return "";
    }
}
