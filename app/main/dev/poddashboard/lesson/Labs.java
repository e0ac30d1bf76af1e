package dev.poddashboard.lesson;

import static dev.poddashboard.lesson.Lesson.TIME;

import dev.poddashboard.identity.Check;
import dev.poddashboard.identity.IdentityChecks;
import dev.poddashboard.identity.TokenReviewResult;
import dev.poddashboard.token.Binding;
import dev.poddashboard.token.Deletion;
import dev.poddashboard.token.TokenInspection;
import dev.poddashboard.token.TokenInspector;
import dev.poddashboard.token.TokenKind;
import dev.poddashboard.token.TokenView;
import dev.poddashboard.version.KubeVersion;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The bound-token lab: a pasted token, asked of TokenReview again every {@link #REVIEW_EVERY} while its page polls,
 * so a room watches it stop working when its pod (Secret, Node) is deleted, or not. The token is held in memory only,
 * for the browser that pasted it, and never returned, logged or written; it is dropped after {@link #IDLE} without a
 * poll, after {@link #LIFETIME}, or when forgotten. At most {@link #PER_BROWSER} labs per browser, {@link #MAX} in all.
 */
public final class Labs {
    public static final int PER_BROWSER = 3;
    public static final int MAX = 20;
    public static final Duration IDLE = Duration.ofSeconds(30);
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    public static final Duration REVIEW_EVERY = Duration.ofSeconds(5);
    private static final int MAX_POINTS = 50;

    /** Whether the bound object is there: "exists", "gone", "replaced" (same name, another uid) or "unknown". */
    public interface BoundObjects {
        String state(Binding binding, String namespace);
    }

    /** One TokenReview answer, kept when it differs from the one before. */
    public record Point(Instant at, String result, String detail) {
    }

    /** What the lab page shows: never the token. */
    public record LabView(String id, TokenView token, List<String> audiences, String state, List<Point> timeline,
                          String boundObject, String boundObjectState, String reviewProblem, List<String> grant,
                          Instant checkedAt, long expiresInSeconds, String reviewCommand) {
    }

    /** What the lesson's steps learn from the labs. */
    public record Observations(List<String> invalidated, List<String> survived, String nodeBound, String minted) {
        static final Observations NONE = new Observations(List.of(), List.of(), "", "");
    }

    /** Why no lab was opened. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String limit;

        Refused(int status, String limit, String message) {
            super(message, null, false, false);
            this.status = status;
            this.limit = limit;
        }

        public int status() {
            return status;
        }

        /** "browser" or "app" for a 429, else empty. */
        public String limit() {
            return limit;
        }
    }

    private static final class Lab {
        final String id;
        final String client;
        final String token;
        final List<String> audiences;
        final TokenView view;
        final String namespace;
        final Instant created;
        volatile Instant lastPolled;
        volatile Instant lastReviewed = Instant.EPOCH;
        volatile String boundState = "unknown";
        volatile String reviewProblem = "";
        volatile List<String> grant = List.of();
        final List<Point> timeline = new ArrayList<>();

        Lab(String id, String client, String token, List<String> audiences, TokenView view, String namespace, Instant now) {
            this.id = id;
            this.client = client;
            this.token = token;
            this.audiences = List.copyOf(audiences);
            this.view = view;
            this.namespace = namespace;
            this.created = now;
            this.lastPolled = now;
        }
    }

    private final TokenInspector inspector;
    private final IdentityChecks identity;
    private final BoundObjects objects;
    private final Supplier<KubeVersion> version;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Lab> labs = new ConcurrentHashMap<>();
    private final List<String> invalidated = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> survived = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String nodeBound = "";
    private volatile String minted = "";

    public Labs(TokenInspector inspector, IdentityChecks identity, BoundObjects objects, Supplier<KubeVersion> version,
                Clock clock) {
        this.inspector = inspector;
        this.identity = identity;
        this.objects = objects;
        this.version = version;
        this.clock = clock;
    }

    /** A new lab for this browser: the token decoded and reviewed at once. */
    public synchronized LabView open(String client, String rawToken, List<String> audiences) {
        sweep();
        if (labs.values().stream().filter(l -> l.client.equals(client)).count() >= PER_BROWSER) {
            throw new Refused(429, "browser", "This browser runs " + PER_BROWSER + " labs already (the limit per browser): "
                    + "forget one first.");
        }
        if (labs.size() >= MAX) {
            throw new Refused(429, "app", MAX + " labs run in the dashboard already (its limit): try again when one ends "
                    + "(a lab ends " + IDLE.toSeconds() + " s after its page stops asking).");
        }
        TokenInspection inspection = inspector.inspect(rawToken, version.get());
        if (inspection instanceof TokenInspection.Rejected rejected) {
            throw new Refused(400, "", "This is not a token the lab can watch: " + rejected.reason() + ".");
        }
        TokenInspection.Inspected inspected = (TokenInspection.Inspected) inspection;
        TokenView view = inspected.view();
        String namespace = inspected.decoded().typed().kubernetes() != null ? inspected.decoded().typed().kubernetes().namespace()
                : "";
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        Lab lab = new Lab(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), client,
                dev.poddashboard.token.TokenDecoder.normalize(rawToken), audiences, view, namespace, clock.instant());
        labs.put(lab.id, lab);
        if (view.kind() == TokenKind.BOUND) {
            minted = view.binding().kind() + " " + TIME.format(clock.instant());
        }
        if (view.binding().kind() == Binding.Kind.NODE) {
            nodeBound = "a token bound to " + view.binding().label() + " (pasted at " + TIME.format(clock.instant()) + ")";
        }
        review(lab);
        return view(lab);
    }

    /** The lab's state, asking TokenReview again when the last answer is older than {@link #REVIEW_EVERY}. */
    public Optional<LabView> poll(String client, String id) {
        sweep();
        Lab lab = labs.get(id);
        if (lab == null || !lab.client.equals(client)) {
            return Optional.empty();
        }
        lab.lastPolled = clock.instant();
        if (!clock.instant().isBefore(lab.lastReviewed.plus(REVIEW_EVERY))) {
            review(lab);
        }
        return Optional.of(view(lab));
    }

    public boolean forget(String client, String id) {
        Lab lab = labs.get(id);
        return lab != null && lab.client.equals(client) && labs.remove(id, lab);
    }

    public int size() {
        return labs.size();
    }

    public Observations observations() {
        return new Observations(List.copyOf(invalidated), List.copyOf(survived), nodeBound, minted);
    }

    private void review(Lab lab) {
        synchronized (lab) {
            Instant now = clock.instant();
            lab.lastReviewed = now;
            Check<TokenReviewResult> review = identity.review(lab.token, lab.audiences);
            Point point;
            if (review instanceof Check.Ok<TokenReviewResult> ok) {
                point = ok.value().authenticated() ? new Point(now, "authenticated", ok.value().user().username())
                        : new Point(now, "rejected", ok.value().error());
                lab.reviewProblem = "";
            } else if (review instanceof Check.Denied<TokenReviewResult> denied) {
                lab.reviewProblem = denied.explanation();
                lab.grant = denied.commands();
                point = new Point(now, "no-permission", "TokenReview is not allowed for the dashboard");
            } else {
                point = new Point(now, "no-answer", review.problem());
            }
            lab.boundState = lab.view.binding().bound() ? objects.state(lab.view.binding(), lab.namespace) : "";
            Point last = lab.timeline.isEmpty() ? null : lab.timeline.get(lab.timeline.size() - 1);
            if (last == null || !last.result().equals(point.result())) {
                lab.timeline.add(point);
                if (lab.timeline.size() > MAX_POINTS) {
                    lab.timeline.remove(1);
                }
                if (last != null && last.result().equals("authenticated") && point.result().equals("rejected")) {
                    observeInvalidation(lab, last, point);
                }
            }
            if (point.result().equals("authenticated") && lab.view.binding().bound() && lab.boundState.equals("gone")
                    && survived.stream().noneMatch(s -> s.startsWith(lab.view.binding().label()))) {
                survived.add(lab.view.binding().label() + " is gone, yet its token still works (checked " + TIME.format(now) + ")");
            }
        }
    }

    private void observeInvalidation(Lab lab, Point before, Point after) {
        invalidated.add("a token bound to " + lab.view.binding().label() + " stopped working between "
                + TIME.format(before.at()) + " and " + TIME.format(after.at()) + " UTC: " + after.detail());
        if (invalidated.size() > 10) {
            invalidated.remove(0);
        }
    }

    private LabView view(Lab lab) {
        synchronized (lab) {
            Point last = lab.timeline.get(lab.timeline.size() - 1);
            String state = switch (last.result()) {
                case "rejected" -> last.detail().contains("invalidated") ? "invalidated" : "rejected";
                default -> last.result();
            };
            long left = Math.max(0, Duration.between(clock.instant(), lab.created.plus(LIFETIME)).toSeconds());
            return new LabView(lab.id, lab.view, lab.audiences, state, List.copyOf(lab.timeline), lab.view.binding().label(),
                    lab.boundState, lab.reviewProblem, lab.grant, lab.lastReviewed, left, Deletion.reviewCommand(lab.audiences));
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        labs.values().removeIf(l -> !now.isBefore(l.lastPolled.plus(IDLE)) || !now.isBefore(l.created.plus(LIFETIME)));
    }
}
