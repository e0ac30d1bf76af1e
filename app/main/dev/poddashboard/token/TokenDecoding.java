package dev.poddashboard.token;

import java.util.Map;

/** What decoding a token (without checking its signature) produced. */
public sealed interface TokenDecoding {

    /**
     * Header and claims as sent (for the raw view) and typed.
     *
     * @param length characters of the whole token; the token itself is not kept
     */
    record Decoded(Map<String, Object> header, Map<String, Object> claims, TokenClaims typed, int length)
            implements TokenDecoding {
        public Decoded {
            header = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(header));
            claims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claims));
        }

        public String algorithm() {
            return (String) header.get("alg");
        }

        public String keyId() {
            Object kid = header.get("kid");
            return kid instanceof String s ? s : null;
        }
    }

    /** Not a usable JWT; {@code reason} says exactly what is wrong. */
    record Malformed(String reason) implements TokenDecoding {
    }
}
