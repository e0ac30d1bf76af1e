package dev.poddashboard.token;

import java.time.Clock;

/** Decode, explain, verify: what the token pages show about any token. */
public final class TokenInspector {
    private final TokenDecoder decoder = new TokenDecoder();
    private final TokenExplainer explainer;
    private final SignatureVerifier verifier;

    public TokenInspector(SigningKeys keys, Clock clock) {
        this.explainer = new TokenExplainer(clock);
        this.verifier = new SignatureVerifier(keys, clock);
    }

    /** @param server the API server's version, which decides what a binding means */
    public TokenInspection inspect(String raw, dev.poddashboard.version.KubeVersion server) {
        TokenDecoding decoding = decoder.decode(raw);
        if (decoding instanceof TokenDecoding.Malformed malformed) {
            return new TokenInspection.Rejected(malformed.reason());
        }
        TokenDecoding.Decoded decoded = (TokenDecoding.Decoded) decoding;
        return new TokenInspection.Inspected(explainer.explain(decoded, server), verifier.verify(TokenDecoder.normalize(raw), decoded),
                decoded);
    }
}
