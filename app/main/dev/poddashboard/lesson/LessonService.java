package dev.poddashboard.lesson;

import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.identity.AccessAnswer;
import dev.poddashboard.identity.AccessQuestion;
import dev.poddashboard.identity.Check;
import dev.poddashboard.identity.IdentityChecks;
import dev.poddashboard.identity.UserInfo;
import dev.poddashboard.pods.PodDetail;
import dev.poddashboard.pods.PodService;
import dev.poddashboard.threads.Daemon;
import dev.poddashboard.token.TokenHistory;
import dev.poddashboard.token.TokenInspection;
import dev.poddashboard.token.TokenInspector;
import dev.poddashboard.token.TokenRead;
import dev.poddashboard.token.TokenSource;
import dev.poddashboard.version.KubeVersion;
import dev.poddashboard.version.ServerVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The lesson's states for every viewer together: the answers are asked at most once every {@link #FRESH} whoever
 * and however many look (a crowd does not multiply the reviews), in parallel, each bounded by {@link #DEADLINE};
 * an answer that does not come in time is "cannot be checked", and the others still count.
 */
public final class LessonService {
    public static final Duration FRESH = Duration.ofSeconds(3);
    static final Duration DEADLINE = Duration.ofSeconds(4);

    /**
     * What /api/lesson answers.
     *
     * @param ownPod the dashboard's own pod, for the steps' links to it; empty when unknown (not in the answer)
     */
    public record View(String serverVersion, String mode, Instant checkedAt, List<Step> steps,
                       @com.fasterxml.jackson.annotation.JsonIgnore String ownPod) {
    }

    private final String mode;
    private final String namespace;
    private final ServerVersion version;
    private final IdentityChecks identity;
    private final TokenSource tokens;
    private final TokenInspector inspector;
    private final TokenHistory history;
    private final PodService pods;
    private final ClusterReads reads;
    private final Labs labs;
    private final Clock clock;
    private final ExecutorService askers = Executors.newFixedThreadPool(4, Daemon.named("lesson"));
    private volatile View last;

    public LessonService(String mode, String namespace, ServerVersion version, IdentityChecks identity, TokenSource tokens,
                         TokenInspector inspector, TokenHistory history, PodService pods, ClusterReads reads, Labs labs,
                         Clock clock) {
        this.mode = mode;
        this.namespace = namespace;
        this.version = version;
        this.identity = identity;
        this.tokens = tokens;
        this.inspector = inspector;
        this.history = history;
        this.pods = pods;
        this.reads = reads;
        this.labs = labs;
        this.clock = clock;
    }

    public Labs labs() {
        return labs;
    }

    /** The steps as of at most {@link #FRESH} ago. */
    public View current() {
        View now = last;
        if (now != null && clock.instant().isBefore(now.checkedAt().plus(FRESH))) {
            return now;
        }
        synchronized (this) {
            now = last;
            if (now != null && clock.instant().isBefore(now.checkedAt().plus(FRESH))) {
                return now;
            }
            Facts facts = gather();
            View view = new View(facts.version().label(), mode, facts.now(), Lesson.evaluate(facts),
                    facts.pod().known() ? facts.pod().value().name() : "");
            last = view;
            return view;
        }
    }

    private Facts gather() {
        KubeVersion server = version.current();
        var whoAmI = ask(() -> answer(identity.whoAmI()));
        var token = ask(() -> Facts.Answer.of(mountedToken(server)));
        Map<Facts.Access, CompletableFuture<Facts.Answer<Boolean>>> access = new EnumMap<>(Facts.Access.class);
        for (Facts.Access a : Facts.Access.values()) {
            access.put(a, ask(() -> allowed(identity.canI(new AccessQuestion(a.namespace(namespace), a.verb, a.group,
                    a.resource, a.subresource, "")))));
        }
        var verbs = ask(() -> Facts.Answer.of(reads.tokenReviewVerbs()));
        var pod = token.thenCompose(t -> ask(() -> ownPod(t)));
        var policies = pod.thenCompose(p -> ask(() -> p.known()
                ? Facts.Answer.of(reads.policiesSelecting(namespace, p.value().labels()))
                : Facts.Answer.<List<String>>unknown(p.unknown())));
        List<CompletableFuture<?>> all = new ArrayList<>(List.of(whoAmI, token, verbs, pod, policies));
        all.addAll(access.values());
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notAllInTime) {
            // what came is used; what did not is "cannot be checked"
        }
        Map<Facts.Access, Facts.Answer<Boolean>> answers = new EnumMap<>(Facts.Access.class);
        access.forEach((a, f) -> answers.put(a, done(f)));
        return new Facts(mode, namespace, server, done(whoAmI), done(token), done(pod), history.entries(), answers,
                done(verbs), done(policies), labs.observations(), clock.instant());
    }

    private <T> CompletableFuture<Facts.Answer<T>> ask(Supplier<Facts.Answer<T>> question) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return question.get();
            } catch (ClusterException e) {
                return Facts.Answer.unknown(e.sentence());
            } catch (RuntimeException e) {
                return Facts.Answer.unknown("no answer: " + e.getMessage());
            }
        }, askers);
    }

    private static <T> Facts.Answer<T> done(CompletableFuture<Facts.Answer<T>> future) {
        return future.isDone() && !future.isCompletedExceptionally() ? future.join()
                : Facts.Answer.unknown("the API server did not answer within " + DEADLINE.toSeconds() + " s");
    }

    private static <T> Facts.Answer<T> answer(Check<T> check) {
        if (check instanceof Check.Ok<T> ok) {
            return Facts.Answer.of(ok.value());
        }
        return Facts.Answer.unknown(check.problem());
    }

    private static Facts.Answer<Boolean> allowed(Check<AccessAnswer> check) {
        Facts.Answer<AccessAnswer> answer = answer(check);
        return answer.known() ? Facts.Answer.of(answer.value().allowed()) : Facts.Answer.unknown(answer.unknown());
    }

    private Facts.MountedToken mountedToken(KubeVersion server) {
        TokenRead read = tokens.read();
        if (read instanceof TokenRead.NotApplicable) {
            return new Facts.MountedToken("not-applicable", null, null, null, List.of(), null, "", null);
        }
        if (read instanceof TokenRead.NotMounted) {
            return new Facts.MountedToken("not-mounted", null, null, null, List.of(), null, "", null);
        }
        TokenInspection inspection = inspector.inspect(((TokenRead.Mounted) read).raw(), server);
        if (!(inspection instanceof TokenInspection.Inspected inspected)) {
            return new Facts.MountedToken("malformed", null, null, null, List.of(), null, "", null);
        }
        var claims = inspected.decoded().typed();
        String pod = claims.kubernetes() != null && claims.kubernetes().pod() != null ? claims.kubernetes().pod().name() : null;
        // The issuer OIDC discovery names, when the signature verified against its keys.
        String oidc = inspected.signature() instanceof dev.poddashboard.token.SignatureCheck.Valid valid ? valid.issuer() : "";
        return new Facts.MountedToken("mounted", inspected.view().kind(), claims.serviceAccount(), claims.issuer(),
                claims.audiences(), pod, oidc, claims.issuedAt());
    }

    private Facts.Answer<PodDetail> ownPod(Facts.Answer<Facts.MountedToken> token) {
        if (mode.equals("kubeconfig")) {
            return Facts.Answer.unknown("in kubeconfig mode the dashboard runs on your machine, not in a pod");
        }
        String name = token.known() && token.value().podName() != null ? token.value().podName() : System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            return Facts.Answer.unknown("the dashboard does not know its pod's name (no pod-bound token, no HOSTNAME)");
        }
        return Facts.Answer.of(pods.detail(namespace, name));
    }
}
