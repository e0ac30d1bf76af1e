package dev.poddashboard.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browsers: a random session id (the HttpOnly, SameSite=Strict cookie) for a visitor's token, held in
 * this process's memory only, never written anywhere. At most {@value #MAX} at once (the least recently used goes
 * first), each for at most {@link #LIFETIME}, {@link #IDLE} without a request, and never past the token's own expiry.
 */
public final class Sessions {
    public static final int MAX = 1_000;
    public static final Duration LIFETIME = Duration.ofHours(8);
    public static final Duration IDLE = Duration.ofHours(1);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();

    private static final class Session {
        final String token;
        final Instant ends;
        volatile Instant lastSeen;

        Session(String token, Instant ends, Instant now) {
            this.token = token;
            this.ends = ends;
            this.lastSeen = now;
        }

        /** Past its end, or idle for {@link #IDLE}. */
        boolean over(Instant now) {
            return !now.isBefore(ends) || !now.isBefore(lastSeen.plus(IDLE));
        }
    }

    /** A new session: its id for the cookie, and how long the cookie should live. */
    public record Opened(String id, Duration maxAge) {
    }

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    /** @param tokenExpiry the token's exp when it has one (a JWT), else null */
    public Opened open(String token, Instant tokenExpiry) {
        Instant now = clock.instant();
        Instant ends = now.plus(LIFETIME);
        if (tokenExpiry != null && tokenExpiry.isBefore(ends)) {
            ends = tokenExpiry;
        }
        sweep(now);
        while (byId.size() >= MAX) {
            byId.entrySet().stream().min(Comparator.comparing(e -> e.getValue().lastSeen))
                    .ifPresent(oldest -> byId.remove(oldest.getKey()));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byId.put(id, new Session(token, ends, now));
        return new Opened(id, Duration.between(now, ends));
    }

    /** The token of a live session (and it counts as seen now), or empty for an unknown, idle or ended one. */
    public Optional<String> token(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = byId.get(id);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (session.over(now)) {
            byId.remove(id, session);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session.token);
    }

    public void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    public int size() {
        return byId.size();
    }

    private void sweep(Instant now) {
        byId.values().removeIf(session -> session.over(now));
    }
}
