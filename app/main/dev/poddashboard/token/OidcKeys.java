package dev.poddashboard.token;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.KubeApi;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import java.net.URI;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The key set from the API server's OIDC discovery ({@code /.well-known/openid-configuration} then
 * {@code /openid/v1/jwks}), fetched through the API client and cached. An unknown {@code kid} (a rotated signing
 * key) fetches the set again, at most once every {@value #REFETCH_SECONDS} s so pasted junk cannot hammer the
 * API server.
 */
public final class OidcKeys implements SigningKeys {
    static final int REFETCH_SECONDS = 30;
    // The JWKS endpoint serves only application/jwk-set+json: Accept: application/json alone gets a 406.
    private static final String JWKS_ACCEPT = "application/jwk-set+json, */*";

    private final KubeApi api;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Cached cached;

    private record Cached(String issuer, Map<String, Key> keys, Instant fetchedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Discovery(String issuer, @JsonProperty("jwks_uri") String jwksUri) {
    }

    public OidcKeys(KubeApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Override
    public KeyLookup find(String keyId) {
        Cached current = cached;
        if (current != null && lookup(current, keyId) != null) {
            return new KeyLookup.Found(lookup(current, keyId), current.issuer());
        }
        lock.lock();
        try {
            current = cached;
            boolean recent = current != null
                    && Duration.between(current.fetchedAt(), clock.instant()).getSeconds() < REFETCH_SECONDS;
            if (!recent) {
                current = fetch();
                cached = current;
            }
        } catch (ClusterException.Forbidden e) {
            return new KeyLookup.Unavailable(e.getMessage(), true);
        } catch (ClusterException e) {
            return new KeyLookup.Unavailable(e.getMessage(), false);
        } catch (RuntimeException e) {
            return new KeyLookup.Unavailable("the key set could not be read: " + e.getMessage(), false);
        } finally {
            lock.unlock();
        }
        Key key = lookup(current, keyId);
        return key != null ? new KeyLookup.Found(key, current.issuer())
                : new KeyLookup.UnknownKey(new TreeSet<>(current.keys().keySet()), current.issuer());
    }

    private static Key lookup(Cached cached, String keyId) {
        if (keyId == null) {
            // A token without kid: usable only when the set holds exactly one key.
            return cached.keys().size() == 1 ? cached.keys().values().iterator().next() : null;
        }
        return cached.keys().get(keyId);
    }

    private Cached fetch() {
        Discovery discovery = api.get("/.well-known/openid-configuration", Discovery.class);
        // jwks_uri names the issuer's external address, which the pod may not reach: ask our API server for the path.
        String path = discovery.jwksUri() == null ? "/openid/v1/jwks" : URI.create(discovery.jwksUri()).getRawPath();
        JwkSet set = Jwks.setParser().build().parse(api.getText(path, JWKS_ACCEPT));
        Map<String, Key> keys = set.getKeys().stream().filter(jwk -> jwk.getId() != null)
                .collect(Collectors.toUnmodifiableMap(Jwk::getId, Jwk::toKey, (a, b) -> a));
        return new Cached(discovery.issuer(), keys, clock.instant());
    }
}
