package dev.poddashboard.token;

import dev.poddashboard.threads.Daemon;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * The tokens the kubelet has written into the mounted file since start-up, as a rotation history. Only times and
 * a short fingerprint are kept (a hash of the header and claims, never the token or its signature), at most
 * {@link #MAX_ENTRIES}. {@link #observe()} is called on a schedule and by the pages that read the token.
 */
public final class TokenHistory implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TokenHistory.class);
    static final int MAX_ENTRIES = 50;

    private final TokenSource source;
    private final TokenDecoder decoder = new TokenDecoder();
    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long rotations;
    private java.util.concurrent.ScheduledExecutorService watcher;

    /**
     * One token as seen in the file.
     *
     * @param fingerprint the first 12 hex digits of SHA-256 over the token's header and claims
     */
    public record Entry(Instant iat, Instant exp, Instant warnafter, String jti, Instant fileModified, Instant seenAt,
                        String fingerprint) {
    }

    public TokenHistory(TokenSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Reads the mounted token; a token not seen before becomes an entry (a rotation, after the first). */
    public void observe() {
        observe(source.read());
    }

    /** The same, for a read the caller has already made (the token page reads the file once per view). */
    public synchronized void observe(TokenRead read) {
        if (!(read instanceof TokenRead.Mounted mounted)) {
            return;
        }
        String fingerprint = fingerprint(mounted.raw());
        if (!entries.isEmpty() && entries.peekLast().fingerprint().equals(fingerprint)) {
            return;
        }
        Instant iat = null;
        Instant exp = null;
        Instant warnafter = null;
        String jti = null;
        if (decoder.decode(mounted.raw()) instanceof TokenDecoding.Decoded decoded && decoded.typed() != null) {
            TokenClaims claims = decoded.typed();
            iat = claims.issuedAt();
            exp = claims.expiresAt();
            jti = claims.jwtId();
            warnafter = claims.kubernetes() == null ? null : claims.kubernetes().warnAfter();
        }
        if (!entries.isEmpty()) {
            rotations++;
        }
        entries.addLast(new Entry(iat, exp, warnafter, jti, mounted.modified(), clock.instant(), fingerprint));
        while (entries.size() > MAX_ENTRIES) {
            entries.removeFirst();
        }
    }

    /** Looks at the file every {@code every} on a daemon thread, until {@link #close()}. */
    public synchronized void watch(java.time.Duration every) {
        watcher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Daemon.named("token-rotations"));
        watcher.scheduleWithFixedDelay(() -> {
            try {
                observe();
            } catch (RuntimeException e) {
                LOG.warn("could not read the mounted token: {}", e.getMessage());
            }
        }, 0, every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Rotations seen since start-up: new tokens after the first one. */
    public synchronized long rotations() {
        return rotations;
    }

    /** The newest token seen, if any. */
    public synchronized Entry current() {
        return entries.peekLast();
    }

    static String fingerprint(String raw) {
        String token = TokenDecoder.normalize(raw);
        int lastDot = token.lastIndexOf('.');
        String signed = lastDot > 0 ? token.substring(0, lastDot) : token;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(signed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
