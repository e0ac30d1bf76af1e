package dev.poddashboard.auth;

import dev.poddashboard.identity.AccessAnswer;
import dev.poddashboard.identity.AccessQuestion;
import dev.poddashboard.identity.Check;
import dev.poddashboard.identity.IdentityChecks;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AUTH_MODE=token at start: the dashboard must be able to ask who its visitors are and what they may see. Without
 * system:auth-delegator (components/token-review) it refuses to start, with one line saying what to apply.
 */
public final class Preflight {
    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    private Preflight() {
    }

    /** The reason the dashboard cannot run in token mode, or empty. An API server that does not answer is no reason. */
    public static Optional<String> check(boolean demo, IdentityChecks identity) {
        if (demo) {
            return Optional.of("token needs an API server to review visitors' tokens, and demo mode has none; run it in "
                    + "a pod or with a kubeconfig, or set AUTH_MODE=none");
        }
        for (AccessQuestion q : new AccessQuestion[]{
                new AccessQuestion("", "create", "authentication.k8s.io", "tokenreviews", "", ""),
                new AccessQuestion("", "create", "authorization.k8s.io", "subjectaccessreviews", "", "")}) {
            Check<AccessAnswer> answer = identity.canI(q);
            if (answer instanceof Check.Ok<AccessAnswer> ok && !ok.value().allowed()) {
                return Optional.of("token needs the service account to create TokenReviews and SubjectAccessReviews "
                        + "(ClusterRole system:auth-delegator): add components/token-review under components: in "
                        + "k8s-manifests/kustomization.yaml and kubectl apply -k k8s-manifests/, or set AUTH_MODE=none");
            }
            if (!(answer instanceof Check.Ok)) {
                LOG.warn("AUTH_MODE=token: could not check that the dashboard may create {} ({}); visitors are refused "
                        + "until it can", q.resource(), answer.outcome());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
