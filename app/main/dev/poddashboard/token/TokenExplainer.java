package dev.poddashboard.token;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.poddashboard.version.Feature;
import dev.poddashboard.version.KubeVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a decoded token into a {@link TokenView}: every claim with one line on what it means. */
public final class TokenExplainer {
    // The kubelet refreshes a projected token after 80 % of its requested lifetime, or after 24 h.
    private static final double KUBELET_REFRESH_FRACTION = 0.8;
    private static final Duration KUBELET_MAX_AGE = Duration.ofHours(24);
    private static final Set<String> KNOWN = Set.of("iss", "sub", "aud", "iat", "nbf", "exp", "jti", "kubernetes.io",
            "kubernetes.io/serviceaccount/namespace", "kubernetes.io/serviceaccount/secret.name",
            "kubernetes.io/serviceaccount/service-account.name", "kubernetes.io/serviceaccount/service-account.uid");
    private static final Set<String> KNOWN_K8S = Set.of("namespace", "serviceaccount", "pod", "node", "secret", "warnafter");

    private final Clock clock;
    private final ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectMapper compact = new ObjectMapper();

    public TokenExplainer(Clock clock) {
        this.clock = clock;
    }

    /** @param server the API server's version: what it does with a binding depends on it */
    public TokenView explain(TokenDecoding.Decoded token, KubeVersion server) {
        Instant now = clock.instant();
        TokenClaims c = token.typed();
        TokenKind kind = TokenKind.of(c);
        Binding binding = c.binding();

        List<TokenView.Row> header = new ArrayList<>();
        header.add(row("alg", token.algorithm(), "Signature algorithm. Kubernetes signs service-account tokens with the "
                + "key from --service-account-signing-key-file (RS256 here means RSA with SHA-256)."));
        if (token.keyId() != null) {
            header.add(row("kid", token.keyId(), "Key ID: which key in the API server's JWKS (/openid/v1/jwks) verifies it."));
        }
        token.header().forEach((k, v) -> {
            if (!k.equals("alg") && !k.equals("kid")) {
                header.add(new TokenView.Row(k, text(v), k.equals("typ") ? "Token type." : "A header this page does not explain.",
                        k.equals("typ")));
            }
        });

        List<TokenView.Row> claims = new ArrayList<>();
        if (c.issuer() != null) {
            claims.add(row("iss", c.issuer(), kind == TokenKind.LEGACY
                    ? "Issuer kubernetes/serviceaccount: the fixed issuer of legacy Secret-based tokens."
                    : "Issuer: the API server's --service-account-issuer. Its OIDC discovery document names the same issuer."));
        }
        if (c.subject() != null) {
            claims.add(row("sub", c.subject(), subjectExplanation(c.subject())));
        }
        if (token.claims().containsKey("aud")) {
            claims.add(row("aud", String.join(", ", c.audiences()), "Audiences: who should accept the token. The API "
                    + "server accepts only tokens for its own audience (--api-audiences); a token for \"vault\" is for Vault."));
        }
        addTime(claims, "iat", c.issuedAt(), now);
        addTime(claims, "nbf", c.notBefore(), now);
        addTime(claims, "exp", c.expiresAt(), now);
        if (c.jwtId() != null) {
            claims.add(row("jti", c.jwtId(), "Token ID: a random UUID (" + Feature.TOKEN_JTI.gate() + ", on by default "
                    + "from 1." + Feature.TOKEN_JTI.since() + "). TokenReview, SelfSubjectReview and audit logs name the "
                    + "credential as credential-id JTI=…, so one token can be traced."));
        }
        if (c.kubernetes() != null) {
            kubernetesRows(claims, c.kubernetes(), binding, server, token.claims().get("kubernetes.io"), now);
        }
        if (c.legacy() != null) {
            TokenClaims.Legacy l = c.legacy();
            claims.add(row("kubernetes.io/serviceaccount/namespace", l.namespace(), "Namespace of the service account (legacy flat claim)."));
            claims.add(row("kubernetes.io/serviceaccount/secret.name", l.secretName(), "The Secret that stores this token: delete it to revoke the token."));
            claims.add(row("kubernetes.io/serviceaccount/service-account.name", l.serviceAccountName(), "The service account."));
            claims.add(row("kubernetes.io/serviceaccount/service-account.uid", l.serviceAccountUid(), "UID of the service account."));
        }
        token.claims().forEach((k, v) -> {
            if (!KNOWN.contains(k)) {
                claims.add(new TokenView.Row(k, text(v), "A claim this page does not explain.", false));
            }
        });

        List<TokenView.TimeRow> times = new ArrayList<>();
        timeRow(times, "iat", "Issued", c.issuedAt(), now);
        timeRow(times, "nbf", "Valid from", c.notBefore(), now);
        timeRow(times, "exp", "Expires", c.expiresAt(), now);
        Instant warnAfter = c.kubernetes() == null ? null : c.kubernetes().warnAfter();
        timeRow(times, "kubernetes.io.warnafter", "Requested lifetime ends", warnAfter, now);

        Instant practical = warnAfter != null ? warnAfter : c.expiresAt();
        TokenView.TimeRow expiry = practical == null ? null : time(warnAfter != null ? "kubernetes.io.warnafter" : "exp",
                "Practical expiry", practical, now);
        String state;
        if (c.expiresAt() == null) {
            state = "never expires";
        } else if (!now.isBefore(c.expiresAt())) {
            state = "expired";
        } else if (c.notBefore() != null && now.isBefore(c.notBefore())) {
            state = "not yet valid";
        } else {
            state = "valid";
        }
        return new TokenView(kind, c.serviceAccount(), binding.bound() ? binding.label() : null, binding,
                Deletion.of(c, server), token.algorithm(), token.keyId(), header,
                claims, times, expiry, state, rotation(c, warnAfter, now), rawJson(token), token.length(),
                now.getEpochSecond());
    }

    private void kubernetesRows(List<TokenView.Row> claims, TokenClaims.Kubernetes k, Binding binding, KubeVersion server,
                                Object raw, Instant now) {
        claims.add(row("kubernetes.io.namespace", k.namespace(), "Namespace of the service account (and of the bound pod)."));
        if (k.serviceAccount() != null) {
            claims.add(row("kubernetes.io.serviceaccount.name", k.serviceAccount().name(), "The service account the token authenticates as."));
            claims.add(row("kubernetes.io.serviceaccount.uid", k.serviceAccount().uid(),
                    "Its UID: a service account deleted and re-created with the same name gets a new UID, and old tokens stop working."));
        }
        if (k.pod() != null) {
            claims.add(row("kubernetes.io.pod.name", k.pod().name(), "The pod the token is bound to: it is valid only while this pod exists."));
            claims.add(row("kubernetes.io.pod.uid", k.pod().uid(), "UID of the bound pod (a new pod with the same name does not count)."));
        }
        if (k.node() != null) {
            String[] node = nodeExplanation(binding, server);
            claims.add(row("kubernetes.io.node.name", k.node().name(), node[0]));
            claims.add(row("kubernetes.io.node.uid", k.node().uid(), node[1]));
        }
        if (k.secret() != null) {
            claims.add(row("kubernetes.io.secret.name", k.secret().name(), "The Secret the token is bound to: deleting it revokes the token."));
            claims.add(row("kubernetes.io.secret.uid", k.secret().uid(), "UID of the bound Secret."));
        }
        if (k.warnAfter() != null) {
            claims.add(row("kubernetes.io.warnafter", k.warnAfter().getEpochSecond() + " (" + utc(k.warnAfter()) + ", "
                            + Relative.from(k.warnAfter(), now) + ")",
                    "End of the lifetime the kubelet asked for. The API server extended exp to a year "
                            + "(--service-account-extend-token-expiration) so old clients keep working; after warnafter the "
                            + "token still works, but the API server marks its use as stale in audit logs."));
        }
        if (raw instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (!KNOWN_K8S.contains(String.valueOf(key))) {
                    claims.add(new TokenView.Row("kubernetes.io." + key, text(value), binding.kind() == Binding.Kind.UNKNOWN
                            && binding.objectKind().equals(key) ? "An unknown binding: an object kind this dashboard does "
                            + "not know (a newer API server?). Ask TokenReview what the API server makes of it."
                            : "A claim this page does not explain.", false));
                }
            });
        }
    }

    /**
     * The node claim means two different things: beside a pod it is information (the pod's node, which the API
     * server does not check); alone it is the binding itself, checked by the API server.
     */
    private static String[] nodeExplanation(Binding binding, KubeVersion server) {
        if (binding.kind() == Binding.Kind.NODE) {
            String check = Feature.NODE_BINDING_VALIDATION.on(server) ? ""
                    : " This API server (" + server.label() + ") does not check node-bound tokens, so it rejects this one.";
            return new String[]{"The Node this token is bound to: the API server accepts it only while a node of this "
                    + "name and uid exists (" + Feature.NODE_BINDING_VALIDATION.gate() + ", on by default since 1."
                    + Feature.NODE_BINDING_VALIDATION.since() + "). Delete the node and the token stops working." + check,
                    "UID of the bound node: a new node with the same name does not count."};
        }
        return new String[]{"The node the bound pod was scheduled on when the token was minted ("
                + Feature.POD_NODE_INFO.gate() + ", 1." + Feature.POD_NODE_INFO.since() + "+). Information only: the "
                + "API server checks the pod, not this node, so deleting the node does not invalidate the token.",
                "UID of that node (information, like the name)."};
    }

    private static String rotation(TokenClaims c, Instant warnAfter, Instant now) {
        if (c.issuedAt() == null || c.kubernetes() == null || c.kubernetes().pod() == null) {
            return null;
        }
        Instant end = warnAfter != null ? warnAfter : c.expiresAt();
        if (end == null) {
            return null;
        }
        Duration requested = Duration.between(c.issuedAt(), end);
        Duration refreshAfter = Duration.ofMillis((long) (requested.toMillis() * KUBELET_REFRESH_FRACTION));
        if (refreshAfter.compareTo(KUBELET_MAX_AGE) > 0) {
            refreshAfter = KUBELET_MAX_AGE;
        }
        Instant refresh = c.issuedAt().plus(refreshAfter);
        return "The kubelet fetches a new token at 80 % of the requested " + Relative.span(requested)
                + " (at most after 24 h): " + utc(refresh) + ", " + Relative.from(refresh, now)
                + ". It writes it into the same file; the dashboard re-reads the file.";
    }

    private static String subjectExplanation(String subject) {
        if (subject.startsWith("system:serviceaccount:")) {
            String[] parts = subject.substring("system:serviceaccount:".length()).split(":", 2);
            if (parts.length == 2) {
                return "Subject: the user name RBAC sees, system:serviceaccount:<namespace>:<name>. Namespace "
                        + parts[0] + ", service account " + parts[1] + ".";
            }
        }
        return "Subject: the user the token stands for.";
    }

    private static void addTime(List<TokenView.Row> rows, String claim, Instant at, Instant now) {
        if (at == null) {
            return;
        }
        String explanation = switch (claim) {
            case "iat" -> "Issued at, in seconds since 1970 (UTC).";
            case "nbf" -> "Not valid before this time.";
            default -> "Expires: the API server rejects the token after this, allowing 60 s of clock skew.";
        };
        rows.add(row(claim, at.getEpochSecond() + " (" + utc(at) + ", " + Relative.from(at, now) + ")", explanation));
    }

    private static void timeRow(List<TokenView.TimeRow> rows, String claim, String label, Instant at, Instant now) {
        if (at != null) {
            rows.add(time(claim, label, at, now));
        }
    }

    private static TokenView.TimeRow time(String claim, String label, Instant at, Instant now) {
        return new TokenView.TimeRow(claim, label, at.getEpochSecond(), utc(at), Relative.from(at, now));
    }

    static String utc(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    private static TokenView.Row row(String name, String value, String explanation) {
        return new TokenView.Row(name, value == null ? "" : value, explanation, true);
    }

    private String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return compact.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private String rawJson(TokenDecoding.Decoded token) {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("header", token.header());
        both.put("claims", token.claims());
        try {
            return pretty.writeValueAsString(both);
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
