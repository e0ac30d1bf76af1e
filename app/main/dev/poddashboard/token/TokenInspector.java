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
        String token = raw.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        return new TokenInspection.Inspected(explainer.explain(decoded), verifier.verify(token, decoded),
                decoded.typed().audiences());
    }
}
