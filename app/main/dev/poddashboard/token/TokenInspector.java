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

    public TokenInspection inspect(String raw) {
        TokenDecoding decoding = decoder.decode(raw);
        if (decoding instanceof TokenDecoding.Malformed malformed) {
            return new TokenInspection.Rejected(malformed.reason());
        }
        TokenDecoding.Decoded decoded = (TokenDecoding.Decoded) decoding;
        return new TokenInspection.Inspected(explainer.explain(decoded), verifier.verify(TokenDecoder.normalize(raw), decoded),
                decoded);
    }
}
