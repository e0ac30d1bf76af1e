package dev.poddashboard.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Demo mode's answers: what a real API server says for the dashboard's ServiceAccount with the Role from
 * k8s-manifests/. Tokens other than the demo token are reviewed as a real server would review a stranger's.
 */
public final class DemoIdentityChecks implements IdentityChecks {
    private final String namespace;
    private final UserInfo user;
    private final Supplier<String> demoToken;
    // A digest, not the token: even the demo keeps no token copy here for longer than a request.
    private volatile String demoTokenDigest;

    /** @param demoToken the demo token, read at the first review (it is signed while the app starts) */
    public DemoIdentityChecks(String namespace, String serviceAccount, String pod, Supplier<String> demoToken) {
        this.namespace = namespace;
        this.demoToken = demoToken;
        this.user = new UserInfo("system:serviceaccount:" + namespace + ":" + serviceAccount,
                "404681b7-9157-48ee-ba09-c012c5b7e36b",
                List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated"),
                // As a v1.33 server reports the demo token's user (credential-id and node from 1.30).
                Map.of("authentication.kubernetes.io/pod-name", List.of(pod),
                        "authentication.kubernetes.io/pod-uid", List.of(dev.poddashboard.token.DemoToken.POD_UID),
                        "authentication.kubernetes.io/node-name", List.of(dev.poddashboard.token.DemoToken.NODE),
                        "authentication.kubernetes.io/node-uid", List.of(dev.poddashboard.token.DemoToken.NODE_UID),
                        "authentication.kubernetes.io/credential-id", List.of("JTI=" + dev.poddashboard.token.DemoToken.JTI)));
    }

    @Override
    public Check<TokenReviewResult> review(String rawToken, List<String> audiences) {
        if (demoTokenDigest().equals(digest(rawToken.strip()))) {
            return new Check.Ok<>(new TokenReviewResult(true, user, List.of("https://kubernetes.default.svc.cluster.local"), ""));
        }
        return new Check.Ok<>(new TokenReviewResult(false, new UserInfo(null, null, null, null), List.of(),
                "[invalid bearer token, demo mode: only the demo token is known here]"));
    }

    private String demoTokenDigest() {
        String digest = demoTokenDigest;
        if (digest == null) {
            digest = digest(demoToken.get());
            demoTokenDigest = digest;
        }
        return digest;
    }

    private static String digest(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Check<UserInfo> whoAmI() {
        return new Check.Ok<>(user);
    }

    @Override
    public Check<RulesTable> rules(String ns) {
        List<RulesTable.ResourceRow> rows = new java.util.ArrayList<>(List.of(
                new RulesTable.ResourceRow("selfsubjectaccessreviews.authorization.k8s.io", List.of("create"), List.of()),
                new RulesTable.ResourceRow("selfsubjectrulesreviews.authorization.k8s.io", List.of("create"), List.of()),
                new RulesTable.ResourceRow("selfsubjectreviews.authentication.k8s.io", List.of("create"), List.of())));
        if (namespace.equals(ns)) {
            rows.add(new RulesTable.ResourceRow("pods", List.of("get", "list", "watch"), List.of()));
            rows.add(new RulesTable.ResourceRow("events", List.of("get", "list", "watch"), List.of()));
        }
        return new Check.Ok<>(new RulesTable(ns, rows, List.of(
                new RulesTable.NonResourceRow(List.of("/.well-known/openid-configuration", "/openid/v1/jwks"), List.of("get")),
                new RulesTable.NonResourceRow(List.of("/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/readyz", "/version"), List.of("get"))),
                false, ""));
    }

    /** Answered from the demo's own rules, as RBAC would: the base Role in its namespace, the reviews everywhere. */
    @Override
    public Check<AccessAnswer> canI(AccessQuestion q) {
        RulesTable rules = ((Check.Ok<RulesTable>) rules(q.namespace())).value();
        String wanted = q.resource() + (q.group().isEmpty() ? "" : "." + q.group());
        wanted = q.subresource().isEmpty() ? wanted : q.resource() + "/" + q.subresource()
                + (q.group().isEmpty() ? "" : "." + q.group());
        for (RulesTable.ResourceRow row : rules.resources()) {
            if (row.resource().equals(wanted) && row.allows(q.verb())) {
                return new Check.Ok<>(new AccessAnswer(true, "RBAC: allowed by RoleBinding \"dashboard-sa-pod-reader/"
                        + namespace + "\" of Role \"pod-reader\" to ServiceAccount \"dashboard-sa/" + namespace + "\" (demo)", ""));
            }
        }
        return new Check.Ok<>(new AccessAnswer(false, "", ""));
    }

    /** Demo mode signs nobody in (AUTH_MODE=token needs a real API server; the start refuses it in demo mode). */
    @Override
    public Check<AccessAnswer> userCanI(UserInfo user, AccessQuestion question, String nonResourcePath) {
        return new Check.Unavailable<>("demo mode has no API server to ask a SubjectAccessReview");
    }
}
