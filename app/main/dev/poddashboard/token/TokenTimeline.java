package dev.poddashboard.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token's life drawn to scale: issued ({@code iat}, {@code nbf}), the kubelet's refresh point (80 % of the
 * requested lifetime, at most 24 h after issue), {@code kubernetes.io.warnafter} (the requested lifetime, when
 * the API server extended {@code exp}), {@code exp} and now. The page draws it as SVG from these numbers: x from
 * 0 to {@link #WIDTH}; a point beyond the drawn span (an {@code exp} a year out) sits at the right edge, marked.
 *
 * @param bars the coloured spans between points: "fresh" (before the refresh point), "refresh" (the kubelet
 *             replaces it), "extended" (past warnafter, still accepted), each with its x range
 */
public record TokenTimeline(boolean neverExpires, String summary, List<Point> points, List<Bar> bars, double nowX) {
    public static final int WIDTH = 1000;
    static final Duration MAX_REFRESH = Duration.ofHours(24);

    public TokenTimeline {
        points = List.copyOf(points);
        bars = List.copyOf(bars);
    }

    /**
     * @param labels   what happens there, e.g. "iat · nbf" when two claims fall on the same second
     * @param beyond   true when the point lies past the drawn span (drawn at the edge, with its time)
     * @param above    labels alternate above and below the line so that neighbours do not overlap
     */
    public record Point(String key, String labels, String utc, String relative, double x, boolean past, boolean beyond,
                        boolean above) {
        public double labelY() {
            return above ? 30 : 112;
        }
    }

    public record Bar(String kind, double from, double to) {
        public double width() {
            return Math.max(0, to - from);
        }
    }

    /** The timeline of {@code claims} as of {@code now}. */
    public static TokenTimeline of(TokenClaims claims, Instant now) {
        Instant iat = claims.issuedAt();
        Instant exp = claims.expiresAt();
        if (exp == null) {
            return new TokenTimeline(true, "This token never expires: it carries no exp claim. Whoever copies it "
                    + "can use it until its Secret or ServiceAccount is deleted, and nothing rotates it. "
                    + "Prefer kubectl create token (TokenRequest): short-lived and bound to a pod.", List.of(), List.of(), 0);
        }
        Instant start = iat != null ? iat : claims.notBefore() != null ? claims.notBefore() : now;
        Instant warnafter = claims.kubernetes() == null ? null : claims.kubernetes().warnAfter();
        Instant requestedEnd = warnafter != null ? warnafter : exp;
        Duration lifetime = Duration.between(start, requestedEnd);
        Duration untilRefresh = Duration.ofMillis((long) (lifetime.toMillis() * 0.8));
        Instant refresh = start.plus(untilRefresh.compareTo(MAX_REFRESH) > 0 ? MAX_REFRESH : untilRefresh);

        Map<Instant, List<String>> moments = new LinkedHashMap<>();
        if (iat != null) {
            moments.computeIfAbsent(iat, k -> new ArrayList<>()).add("iat");
        }
        if (claims.notBefore() != null) {
            moments.computeIfAbsent(claims.notBefore(), k -> new ArrayList<>()).add("nbf");
        }
        moments.computeIfAbsent(refresh, k -> new ArrayList<>()).add("kubelet refreshes");
        if (warnafter != null) {
            moments.computeIfAbsent(warnafter, k -> new ArrayList<>()).add("warnafter");
        }
        moments.computeIfAbsent(exp, k -> new ArrayList<>()).add("exp");

        // Drawn span: from issue to the requested end (or now, if later), with a margin; an extended exp lies beyond.
        Instant end = requestedEnd.isAfter(now) ? requestedEnd : now;
        long spanMillis = Math.max(1, Duration.between(start, end).toMillis());
        long drawn = spanMillis + spanMillis / 12;
        List<Point> points = new ArrayList<>();
        List<Map.Entry<Instant, List<String>>> ordered = new ArrayList<>(moments.entrySet());
        ordered.sort(Map.Entry.comparingByKey());
        int index = 0;
        for (Map.Entry<Instant, List<String>> moment : ordered) {
            Instant at = moment.getKey();
            long offset = Duration.between(start, at).toMillis();
            boolean beyond = offset > drawn;
            double x = beyond ? WIDTH : scale(offset, drawn);
            points.add(new Point(String.join("-", moment.getValue()).replace(' ', '-'), String.join(" · ", moment.getValue()),
                    at.toString(), Relative.from(at, now), x, !at.isAfter(now), beyond, index++ % 2 == 0));
        }
        double refreshX = scale(Duration.between(start, refresh).toMillis(), drawn);
        double requestedX = scale(Duration.between(start, requestedEnd).toMillis(), drawn);
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar("fresh", 0, refreshX));
        bars.add(new Bar("refresh", refreshX, requestedX));
        if (warnafter != null) {
            bars.add(new Bar("extended", requestedX, WIDTH));
        }
        double nowX = Math.min(WIDTH, Math.max(0, scale(Duration.between(start, now).toMillis(), drawn)));
        String summary = "Requested lifetime " + human(lifetime) + "; the kubelet fetches a new token at "
                + refresh + " (" + Relative.from(refresh, now) + ")"
                + (warnafter != null ? "; the API server extended exp to " + exp + " so that old clients keep working, "
                + "and logs a warning for any use after warnafter." : ".");
        return new TokenTimeline(false, summary, points, bars, nowX);
    }

    private static double scale(long offsetMillis, long drawnMillis) {
        return Math.round(WIDTH * 10.0 * offsetMillis / drawnMillis) / 10.0;
    }

    static String human(Duration d) {
        long seconds = d.getSeconds();
        if (seconds >= 86_400 * 2) {
            return seconds / 86_400 + " days";
        }
        if (seconds >= 7_200) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
