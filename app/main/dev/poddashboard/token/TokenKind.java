package dev.poddashboard.token;

/** What sort of token it is, stated plainly. */
public enum TokenKind {
    BOUND("Bound projected service-account token",
            "Minted by the TokenRequest API (the kubelet asks for it, or kubectl create token). It is bound to an "
                    + "audience, a lifetime and, usually, a pod: when the pod is deleted the token stops working."),
    LEGACY("Legacy Secret-based service-account token",
            "Stored in a Secret of type kubernetes.io/service-account-token. It never expires and is not bound to "
                    + "any pod: anyone who copies it can use it until the Secret is deleted. Use the TokenRequest API "
                    + "instead (kubectl create token, or the projected volume every pod gets)."),
    OTHER("Not a Kubernetes service-account token",
            "It carries neither the kubernetes.io claims of a TokenRequest token nor the legacy issuer: perhaps an "
                    + "OIDC user token from a kubeconfig, or a token for another system.");

    private final String title;
    private final String explanation;

    TokenKind(String title, String explanation) {
        this.title = title;
        this.explanation = explanation;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    static TokenKind of(TokenClaims claims) {
        if (TokenClaims.LEGACY_ISSUER.equals(claims.issuer())) {
            return LEGACY;
        }
        return claims.kubernetes() != null ? BOUND : OTHER;
    }
}
