package dev.poddashboard.auth;

import dev.poddashboard.identity.AccessAnswer;
import dev.poddashboard.identity.Check;
import dev.poddashboard.identity.IdentityChecks;
import dev.poddashboard.identity.TokenReviewResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the visitor is (TokenReview) and whether they may (SubjectAccessReview), asked of the API server with the
 * dashboard's own service account, each answer kept for at most {@link #CACHE}: a revoked token or a removed
 * RoleBinding takes effect within it. Tokens are keyed by their SHA-256, never kept here themselves.
 */
public final class Gatekeeper {
    public static final Duration CACHE = Duration.ofSeconds(10);
    private static final int MAX_CACHED = 10_000;

    private final IdentityChecks identity;
    private final Clock clock;
    private final Map<String, Cached<Authentication>> authentications = new ConcurrentHashMap<>();
    private final Map<String, Cached<Decision>> decisions = new ConcurrentHashMap<>();

    private record Cached<T>(T value, Instant at) {
    }

    /** Who a token stands for. */
    public sealed interface Authentication {
        record Authenticated(Visitor visitor) implements Authentication {
        }

        /** The API server did not accept the token (its words). */
        record Rejected(String reason) implements Authentication {
        }

        /** No answer: the API server is unreachable, or the dashboard may not create TokenReviews. */
        record Unavailable(String reason) implements Authentication {
        }
    }

    /** Whether the visitor may see what a route shows. */
    public sealed interface Decision {
        record Allowed() implements Decision {
        }

        /** @param reason the authorizer's, or empty (RBAC denies what nothing allows) */
        record Refused(String reason) implements Decision {
        }

        record Unavailable(String reason) implements Decision {
        }
    }

    public Gatekeeper(IdentityChecks identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    public Authentication authenticate(String token) {
        String key = sha256(token);
        Cached<Authentication> cached = fresh(authentications.get(key));
        if (cached != null) {
            return cached.value();
        }
        Check<TokenReviewResult> review = identity.review(token, List.of());
        if (!(review instanceof Check.Ok<TokenReviewResult> ok)) {
            return new Authentication.Unavailable(review.problem()); // not kept: the next request asks again
        }
        Authentication result = ok.value().authenticated() ? new Authentication.Authenticated(new Visitor(ok.value().user()))
                : new Authentication.Rejected(ok.value().error().isEmpty() ? "the token is not valid" : ok.value().error());
        remember(authentications, key, result);
        return result;
    }

    public Decision decide(Visitor visitor, Requirement requirement) {
        if (requirement instanceof Requirement.SignedIn) {
            return new Decision.Allowed();
        }
        String key = visitor.user().username() + "\0" + visitor.user().uid() + "\0" + visitor.user().groups() + "\0"
                + visitor.user().extra() + "\0" + requirement;
        Cached<Decision> cached = fresh(decisions.get(key));
        if (cached != null) {
            return cached.value();
        }
        Check<AccessAnswer> answer = requirement instanceof Requirement.Resource r
                ? identity.userCanI(visitor.user(), r.question(), "")
                : identity.userCanI(visitor.user(), new dev.poddashboard.identity.AccessQuestion("",
                ((Requirement.NonResource) requirement).verb(), "", "", "", ""), ((Requirement.NonResource) requirement).path());
        if (!(answer instanceof Check.Ok<AccessAnswer> ok)) {
            return new Decision.Unavailable(answer.problem());
        }
        Decision decision = ok.value().allowed() ? new Decision.Allowed() : new Decision.Refused(ok.value().reason());
        remember(decisions, key, decision);
        return decision;
    }

    private <T> Cached<T> fresh(Cached<T> cached) {
        return cached != null && clock.instant().isBefore(cached.at().plus(CACHE)) ? cached : null;
    }

    private <T> void remember(Map<String, Cached<T>> cache, String key, T value) {
        if (cache.size() >= MAX_CACHED) {
            Instant now = clock.instant();
            cache.values().removeIf(c -> !now.isBefore(c.at().plus(CACHE)));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(key, new Cached<>(value, clock.instant()));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
