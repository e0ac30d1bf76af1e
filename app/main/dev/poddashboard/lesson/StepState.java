package dev.poddashboard.lesson;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a step stands on this cluster, with its evidence in one line: it holds now; not yet (and what would make it
 * hold); or it cannot be checked from here (and why), never a guess.
 */
public record StepState(State state, String evidence) {

    public enum State {
        HOLDS("holds"), NOT_YET("not-yet"), UNKNOWN("unknown");

        private final String value;

        State(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }
    }

    static StepState holds(String evidence) {
        return new StepState(State.HOLDS, evidence);
    }

    static StepState notYet(String evidence) {
        return new StepState(State.NOT_YET, evidence);
    }

    static StepState unknown(String why) {
        return new StepState(State.UNKNOWN, why);
    }
}
