package dev.poddashboard.token;

import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.SecurityException;
import io.jsonwebtoken.security.SignatureException;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Date;

/**
 * Verifies a token as the API server would: the signature with the key whose {@code kid} matches, {@code exp}
 * and {@code nbf} with 60 s of clock skew (the API server's leeway), and {@code iss} against OIDC discovery.
 */
public final class SignatureVerifier {
    private static final long CLOCK_SKEW_SECONDS = 60;

    private final SigningKeys keys;
    private final Clock clock;

    public SignatureVerifier(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public SignatureCheck verify(String raw, TokenDecoding.Decoded token) {
        SigningKeys.KeyLookup lookup = keys.find(token.keyId());
        if (lookup instanceof SigningKeys.KeyLookup.Unavailable unavailable) {
            return new SignatureCheck.KeysUnavailable(unavailable.reason(), unavailable.forbidden());
        }
        if (lookup instanceof SigningKeys.KeyLookup.UnknownKey unknown) {
            return new SignatureCheck.Invalid("no key with kid " + (token.keyId() == null ? "(none)" : "\"" + token.keyId() + "\"")
                    + " in the API server's key set " + unknown.known() + ": the token was signed by another cluster, "
                    + "or by a key this API server no longer publishes");
        }
        SigningKeys.KeyLookup.Found found = (SigningKeys.KeyLookup.Found) lookup;
        Key key = found.key();
        if (!(key instanceof PublicKey publicKey)) {
            return new SignatureCheck.Invalid("the key for this kid is not a public key");
        }
        try {
            Jwts.parser().verifyWith(publicKey)
                    .clock(() -> Date.from(clock.instant()))
                    .clockSkewSeconds(CLOCK_SKEW_SECONDS)
                    .build()
                    .parseSignedClaims(raw);
        } catch (ExpiredJwtException e) {
            return new SignatureCheck.Invalid("the signature is genuine, but the token expired at "
                    + TokenExplainer.utc(e.getClaims().getExpiration().toInstant()) + " (60 s of clock skew allowed)");
        } catch (PrematureJwtException e) {
            return new SignatureCheck.Invalid("the token is not valid before "
                    + TokenExplainer.utc(e.getClaims().getNotBefore().toInstant()));
        } catch (SignatureException e) {
            return new SignatureCheck.Invalid("the signature does not match: the token was altered, or signed by a different key");
        } catch (SecurityException e) {
            return new SignatureCheck.Invalid("the signature could not be checked: " + e.getMessage());
        } catch (JwtException | IllegalArgumentException e) {
            return new SignatureCheck.Invalid(e.getMessage());
        }
        String issuer = token.typed().issuer();
        if (TokenClaims.LEGACY_ISSUER.equals(issuer)) {
            return new SignatureCheck.Valid(token.keyId(), token.algorithm(), issuer,
                    "Signed by the API server's key, with the legacy issuer kubernetes/serviceaccount (not the OIDC issuer "
                            + found.issuer() + ").");
        }
        if (found.issuer() != null && !found.issuer().equals(issuer)) {
            return new SignatureCheck.Invalid("the signature is genuine, but iss \"" + issuer
                    + "\" is not this API server's issuer \"" + found.issuer() + "\"");
        }
        return new SignatureCheck.Valid(token.keyId(), token.algorithm(), issuer, "");
    }
}
