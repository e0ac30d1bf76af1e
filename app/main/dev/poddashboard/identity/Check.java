package dev.poddashboard.identity;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** The outcome of one question to the API server. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "result")
@JsonSubTypes({@JsonSubTypes.Type(Check.Ok.class), @JsonSubTypes.Type(Check.Denied.class),
        @JsonSubTypes.Type(Check.Unavailable.class)})
public sealed interface Check<T> {

    /** "ok", "denied" or "unavailable", for templates. */
    default String outcome() {
        if (this instanceof Ok) {
            return "ok";
        }
        return this instanceof Denied ? "denied" : "unavailable";
    }

    /** Why there is no value: a denial's explanation or the reason there was no answer; empty for an answer. */
    default String problem() {
        if (this instanceof Denied<T> denied) {
            return denied.explanation();
        }
        return this instanceof Unavailable<T> unavailable ? unavailable.reason() : "";
    }

    @JsonTypeName("ok")
    record Ok<T>(T value) implements Check<T> {
    }

    /** RBAC refused the question itself: what is missing and how to grant it. */
    @JsonTypeName("denied")
    record Denied<T>(String explanation, List<String> commands, String yaml) implements Check<T> {
        public Denied {
            commands = List.copyOf(commands);
        }
    }

    /** No answer: the API server is unreachable, rejected the token, or lacks the API. */
    @JsonTypeName("unavailable")
    record Unavailable<T>(String reason) implements Check<T> {
    }
}
