package dev.poddashboard.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.identity.UserInfo;
import dev.poddashboard.pods.DemoPods;
import dev.poddashboard.pods.PodService;
import dev.poddashboard.testing.Capture;
import dev.poddashboard.token.TokenHistory;
import dev.poddashboard.token.TokenKind;
import dev.poddashboard.version.KubeVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each step's state from canned answers: holds, not yet, cannot be checked; on a v1.28 and a v1.33 server. */
class LessonTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:42:00Z");

    private static KubeVersion version(Capture capture) {
        return KubeVersion.of(capture.gitVersion(), "1", Integer.toString(capture.minor()), null, null);
    }

    /** The base manifests on a fresh cluster: the Role only, a projected token, one token seen. */
    private static Facts base(KubeVersion version, Map<Facts.Access, Boolean> overrides, Labs.Observations labs,
                              List<TokenHistory.Entry> history) {
        DemoPods pods = new DemoPods("dashboard", NOW);
        var pod = new PodService(pods, Clock.fixed(NOW, ZoneOffset.UTC)).detail("dashboard", "pod-dashboard-7c9d5b6f4-k2x8q");
        Map<Facts.Access, Facts.Answer<Boolean>> access = new EnumMap<>(Facts.Access.class);
        for (Facts.Access a : Facts.Access.values()) {
            access.put(a, Facts.Answer.of(overrides.getOrDefault(a, a == Facts.Access.EVENTS)));
        }
        return new Facts("in-cluster", "dashboard", version,
                Facts.Answer.of(new UserInfo("system:serviceaccount:dashboard:dashboard-sa", "u", List.of("system:serviceaccounts"), Map.of())),
                Facts.Answer.of(new Facts.MountedToken("mounted", TokenKind.BOUND, "dashboard/dashboard-sa",
                        "https://kubernetes.default.svc.cluster.local", List.of("https://kubernetes.default.svc.cluster.local"),
                        "pod-dashboard-7c9d5b6f4-k2x8q", "https://kubernetes.default.svc.cluster.local", NOW)),
                Facts.Answer.of(pod), history, access, Facts.Answer.of(List.of("create")),
                Facts.Answer.of(List.of("pod-dashboard-ingress")), labs, NOW);
    }

    private static Facts base(KubeVersion version) {
        return base(version, Map.of(), Labs.Observations.NONE, List.of(entry(NOW.minusSeconds(600))));
    }

    private static TokenHistory.Entry entry(Instant iat) {
        return new TokenHistory.Entry(iat, iat.plusSeconds(3607), iat.plusSeconds(3607), null, iat, iat, "0123456789ab");
    }

    private static Step step(List<Step> steps, String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void theBaseManifestsOnAFreshCluster(Capture capture) {
        List<Step> steps = Lesson.evaluate(base(version(capture)));
        assertThat(steps).extracting(Step::id).startsWith("identity", "service-account").hasSize(19).doesNotHaveDuplicates();
        assertThat(step(steps, "identity").state()).isEqualTo(StepState.State.HOLDS);
        assertThat(step(steps, "service-account").evidence()).isEqualTo("the pod pod-dashboard-7c9d5b6f4-k2x8q runs as dashboard/dashboard-sa");
        assertThat(step(steps, "least-privilege").evidence()).isEqualTo("SelfSubjectAccessReview: list pods in kube-system denied");
        assertThat(step(steps, "pods-log").state()).isEqualTo(StepState.State.NOT_YET);
        assertThat(step(steps, "pods-log").evidence()).contains("components/logs");
        assertThat(step(steps, "all-namespaces").state()).isEqualTo(StepState.State.NOT_YET);
        assertThat(step(steps, "token-review").state()).isEqualTo(StepState.State.NOT_YET);
        assertThat(step(steps, "reviews-not-stored").state()).isEqualTo(StepState.State.HOLDS);
        assertThat(step(steps, "projected-volume").evidence()).contains("3607 s").contains("kube-root-ca.crt");
        assertThat(step(steps, "rotation").state()).isEqualTo(StepState.State.NOT_YET);
        assertThat(step(steps, "network-policy").state()).isEqualTo(StepState.State.UNKNOWN);
        assertThat(step(steps, "network-policy").evidence()).contains("may not read NetworkPolicies");
        assertThat(step(steps, "no-token-secret").evidence()).isEqualTo("/version: " + capture.gitVersion() + ", 1.24 or newer");
    }

    @Test
    void applyingTheLogsComponentTurnsItsStepAndTheClusterWideOneTurnsTwo() {
        List<Step> steps = Lesson.evaluate(base(version(Capture.V1_33), Map.of(Facts.Access.POD_LOGS, true,
                Facts.Access.PODS_EVERYWHERE, true, Facts.Access.PODS_KUBE_SYSTEM, true, Facts.Access.TOKEN_REVIEWS, true),
                Labs.Observations.NONE, List.of()));
        assertThat(step(steps, "pods-log").state()).isEqualTo(StepState.State.HOLDS);
        assertThat(step(steps, "all-namespaces").state()).isEqualTo(StepState.State.HOLDS);
        assertThat(step(steps, "token-review").state()).isEqualTo(StepState.State.HOLDS);
        assertThat(step(steps, "least-privilege").state()).isEqualTo(StepState.State.NOT_YET);
        assertThat(step(steps, "least-privilege").evidence()).contains("components/cluster-wide");
    }

    @Test
    void nodeBindingDependsOnTheServersVersion() {
        Step on128 = step(Lesson.evaluate(base(version(Capture.V1_28))), "node-binding");
        assertThat(on128.state()).isEqualTo(StepState.State.UNKNOWN);
        assertThat(on128.evidence()).startsWith("This API server (v1.28.7) cannot bind tokens to a Node");
        Step on133 = step(Lesson.evaluate(base(version(Capture.V1_33))), "node-binding");
        assertThat(on133.state()).isEqualTo(StepState.State.NOT_YET);
        assertThat(on133.versionNote()).contains("GA since 1.33");
        Step seen = step(Lesson.evaluate(base(version(Capture.V1_33), Map.of(), new Labs.Observations(List.of(), List.of(),
                "a token bound to Node study-node-b", ""), List.of())), "node-binding");
        assertThat(seen.state()).isEqualTo(StepState.State.HOLDS);
    }

    @Test
    void theLabsObservationsTurnTheirSteps() {
        var labs = new Labs.Observations(List.of("a token bound to Pod p stopped working between 10:40:00 and 10:40:12 UTC: "
                + "[invalid bearer token, service account token has been invalidated]"), List.of(), "", "POD 10:39:58");
        List<Step> steps = Lesson.evaluate(base(version(Capture.V1_28), Map.of(), labs, List.of()));
        assertThat(step(steps, "bound-deletion").state()).isEqualTo(StepState.State.HOLDS);
        assertThat(step(steps, "bound-deletion").evidence()).contains("has been invalidated");
        assertThat(step(steps, "create-token").state()).isEqualTo(StepState.State.HOLDS);
    }

    @Test
    void aRotationSeenHolds() {
        List<Step> steps = Lesson.evaluate(base(version(Capture.V1_33), Map.of(), Labs.Observations.NONE,
                List.of(entry(NOW.minusSeconds(3000)), entry(NOW.minusSeconds(120)))));
        assertThat(step(steps, "rotation").state()).isEqualTo(StepState.State.HOLDS);
        assertThat(step(steps, "rotation").evidence()).isEqualTo("2 tokens seen, rotated 10:40:00 UTC");
    }

    @Test
    void anAnswerThatDidNotComeIsCannotBeCheckedAndTheOthersStillCount() {
        Facts f = base(version(Capture.V1_33));
        Map<Facts.Access, Facts.Answer<Boolean>> access = new EnumMap<>(f.access());
        access.put(Facts.Access.POD_LOGS, Facts.Answer.unknown("the API server did not answer within 4 s"));
        Facts partial = new Facts(f.mode(), f.namespace(), f.version(), f.whoAmI(), f.token(),
                Facts.Answer.unknown("forbidden: get pods"), f.history(), access, f.tokenReviewVerbs(),
                f.policiesSelectingPod(), f.labs(), f.now());
        List<Step> steps = Lesson.evaluate(partial);
        assertThat(step(steps, "pods-log").state()).isEqualTo(StepState.State.UNKNOWN);
        assertThat(step(steps, "pods-log").evidence()).isEqualTo("the API server did not answer within 4 s");
        assertThat(step(steps, "service-account").evidence()).isEqualTo("forbidden: get pods");
        assertThat(step(steps, "identity").state()).isEqualTo(StepState.State.HOLDS);
        assertThat(step(steps, "reviews-not-stored").state()).isEqualTo(StepState.State.HOLDS);
    }

    @Test
    void aPodWithoutTokenAndALegacyToken() {
        Facts f = base(version(Capture.V1_33));
        Facts legacy = new Facts(f.mode(), f.namespace(), f.version(), f.whoAmI(), Facts.Answer.of(new Facts.MountedToken(
                "mounted", TokenKind.LEGACY, "dashboard/dashboard-sa", "kubernetes/serviceaccount", List.of(), null, "", null)),
                f.pod(), f.history(), f.access(), f.tokenReviewVerbs(), f.policiesSelectingPod(), f.labs(), f.now());
        assertThat(step(Lesson.evaluate(legacy), "legacy-token").state()).isEqualTo(StepState.State.HOLDS);
    }
}
