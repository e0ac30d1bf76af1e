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

    /**
     * The private {@code kubernetes.io} claim of a TokenRequest token.
     *
     * @param others object-valued keys this app does not know (a binding of a kind added after it), key → raw JSON
     */
    public record Kubernetes(String namespace, ObjectRef serviceAccount, ObjectRef pod, ObjectRef node,
                             ObjectRef secret, Instant warnAfter, java.util.Map<String, String> others) {
        public Kubernetes {
            others = others == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(others));
        }
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

    /**
     * What the token is bound to, decided as the API server decides it: a pod (its node claim is then only
     * information), else a Secret, else a Node; a legacy token hangs on the Secret that stores it.
     */
    public Binding binding() {
        if (legacy != null) {
            return legacy.secretName() == null ? Binding.NONE
                    : new Binding(Binding.Kind.LEGACY_SECRET, "Secret", legacy.secretName(), "", "");
        }
        if (kubernetes == null) {
            return Binding.NONE;
        }
        if (kubernetes.pod() != null) {
            return new Binding(Binding.Kind.POD, "Pod", kubernetes.pod().name(), kubernetes.pod().uid(), "");
        }
        if (kubernetes.secret() != null) {
            return new Binding(Binding.Kind.SECRET, "Secret", kubernetes.secret().name(), kubernetes.secret().uid(), "");
        }
        if (kubernetes.node() != null) {
            return new Binding(Binding.Kind.NODE, "Node", kubernetes.node().name(), kubernetes.node().uid(), "");
        }
        return kubernetes.others().entrySet().stream().findFirst()
                .map(e -> new Binding(Binding.Kind.UNKNOWN, e.getKey(), "", "", e.getValue()))
                .orElse(Binding.NONE);
    }
}
