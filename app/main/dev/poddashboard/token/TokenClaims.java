package dev.poddashboard.token;

import java.time.Instant;
import java.util.List;

/**
 * The claims of a service-account token, typed. Any of them may be absent (null): a legacy token has no
 * {@code aud}, {@code iat} or {@code exp}; only 1.29+ servers add {@code jti} and {@code kubernetes.io.node}.
 */
public record TokenClaims(String issuer, String subject, List<String> audiences, Instant issuedAt,
                          Instant notBefore, Instant expiresAt, String jwtId, Kubernetes kubernetes, Legacy legacy) {

    public TokenClaims {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    /** The issuer of tokens from before the TokenRequest API (Secret-based, never expiring). */
    public static final String LEGACY_ISSUER = "kubernetes/serviceaccount";

    /** The private {@code kubernetes.io} claim of a TokenRequest token. */
    public record Kubernetes(String namespace, ObjectRef serviceAccount, ObjectRef pod, ObjectRef node,
                             ObjectRef secret, Instant warnAfter) {
    }

    public record ObjectRef(String name, String uid) {
    }

    /** The flat claims of a legacy Secret-based token. */
    public record Legacy(String namespace, String secretName, String serviceAccountName, String serviceAccountUid) {
    }

    /** namespace/name of the service account, from whichever claims carry it. */
    public String serviceAccount() {
        if (kubernetes != null && kubernetes.serviceAccount() != null) {
            return kubernetes.namespace() + "/" + kubernetes.serviceAccount().name();
        }
        if (legacy != null && legacy.serviceAccountName() != null) {
            return legacy.namespace() + "/" + legacy.serviceAccountName();
        }
        if (subject != null && subject.startsWith("system:serviceaccount:")) {
            String[] parts = subject.substring("system:serviceaccount:".length()).split(":", 2);
            return parts.length == 2 ? parts[0] + "/" + parts[1] : null;
        }
        return null;
    }

    /** "Pod name (uid)", "Secret name (uid)", or null when the token is not bound to an object. */
    public String boundObject() {
        if (kubernetes == null) {
            return null;
        }
        if (kubernetes.pod() != null) {
            return "Pod " + kubernetes.pod().name();
        }
        if (kubernetes.secret() != null) {
            return "Secret " + kubernetes.secret().name();
        }
        return null;
    }
}
