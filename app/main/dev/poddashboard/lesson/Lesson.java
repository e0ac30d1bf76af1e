package dev.poddashboard.lesson;

import dev.poddashboard.pods.PodDetail;
import dev.poddashboard.version.Feature;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The service-account lesson, step by step ({@link LessonSteps}), each step's state computed from {@link Facts}
 * (real answers) by a pure function: the unit tests feed it canned answers of both server versions.
 */
public final class Lesson {
    /** How the lesson writes a time: 10:42:07, in UTC. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A step: its words, and how its state and commands follow from the facts. */
    record Definition(String id, String title, String teaches, Function<Facts, List<String>> commands, String page,
                      Function<Facts, String> versionNote, Function<Facts, StepState> state) {
    }

    private Lesson() {
    }

    static List<Step> evaluate(Facts f) {
        List<Step> steps = new ArrayList<>();
        for (Definition d : LessonSteps.ALL) {
            StepState state;
            try {
                state = d.state().apply(f);
            } catch (RuntimeException e) {
                state = StepState.unknown("this step's check failed: " + e.getMessage()); // one never breaks the others
            }
            steps.add(new Step(d.id(), d.title(), d.teaches(), d.commands().apply(f), d.page(), d.versionNote().apply(f),
                    state.state(), state.evidence()));
        }
        return steps;
    }

    /** namespace/name of the dashboard's service account, from its token, else the manifests' default. */
    static String serviceAccount(Facts f) {
        return f.token().known() && f.token().value().serviceAccount() != null ? f.token().value().serviceAccount()
                : f.namespace() + "/dashboard-sa";
    }

    static String serviceAccountName(Facts f) {
        String sa = serviceAccount(f);
        return sa.substring(sa.indexOf('/') + 1);
    }

    /** --as=system:serviceaccount:ns:name */
    static String as(Facts f) {
        return "--as=system:serviceaccount:" + serviceAccount(f).replace('/', ':');
    }

    static Function<Facts, String> noNote() {
        return f -> "";
    }

    static Function<Facts, String> note(Feature feature) {
        return f -> feature.sentence(f.version());
    }

    /** Holds when the dashboard's own access review says allowed, not yet when denied; unknown without an answer. */
    static StepState allowed(Facts f, Facts.Access access, String whenAllowed, String whenDenied) {
        Facts.Answer<Boolean> answer = f.access(access);
        if (!answer.known()) {
            return StepState.unknown(answer.unknown());
        }
        return answer.value() ? StepState.holds(whenAllowed) : StepState.notYet(whenDenied);
    }

    static StepState withPod(Facts f, Function<PodDetail, StepState> check) {
        return f.pod().known() ? check.apply(f.pod().value()) : StepState.unknown(f.pod().unknown());
    }
}
