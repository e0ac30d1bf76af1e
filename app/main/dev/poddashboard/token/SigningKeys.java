package dev.poddashboard.token;

import java.security.Key;
import java.util.Set;

/** The API server's token-verification keys, found by {@code kid}. */
public interface SigningKeys {

    KeyLookup find(String keyId);

    sealed interface KeyLookup {
        /** @param issuer the issuer the OIDC discovery document names */
        record Found(Key key, String issuer) implements KeyLookup {
        }

        record UnknownKey(Set<String> known, String issuer) implements KeyLookup {
        }

        record Unavailable(String reason, boolean forbidden) implements KeyLookup {
        }
    }
}
