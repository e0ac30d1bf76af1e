package dev.poddashboard.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** kubectl's -l syntax: every operator against a pod's labels, and every way to get it wrong. */
class SelectorTest {
    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "frontend", "env", "prod",
            "example.com/team", "a", "replicas", "3");

    static Stream<Arguments> matching() {
        return Stream.of(
                Arguments.of("", true),
                Arguments.of("app=web", true),
                Arguments.of("app==web", true),
                Arguments.of("app = web", true),
                Arguments.of("app=db", false),
                Arguments.of("app!=db", true),
                Arguments.of("app!=web", false),
                Arguments.of("missing!=x", true),                 // != matches a pod without the label
                Arguments.of("env in (prod,staging)", true),
                Arguments.of("env in(staging)", false),
                Arguments.of("env in (prod, staging )", true),
                Arguments.of("env notin (dev)", true),
                Arguments.of("env notin (prod)", false),
                Arguments.of("missing notin (x)", true),          // notin matches a pod without the label
                Arguments.of("app", true),
                Arguments.of("missing", false),
                Arguments.of("!missing", true),
                Arguments.of("!app", false),
                Arguments.of("example.com/team=a", true),
                Arguments.of("app=web,tier!=db,env in (prod),!missing", true),
                Arguments.of("app=web,tier=db", false),
                Arguments.of("replicas>2", true),
                Arguments.of("replicas<3", false),
                Arguments.of("app>1", false),                     // not a number: no match
                Arguments.of("missing=", false),
                Arguments.of("env in (prod,)", true));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("matching")
    void operatorsMatchAsKubectlDoes(String selector, boolean matches) {
        assertThat(Selector.parse(selector).matches(WEB)).isEqualTo(matches);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("env in (a", "at character 10: expected ',' or ')' in the set of values for 'env', found the end"),
                Arguments.of("env in a,b", "at character 8: expected '(' to start the set of values for 'env', found 'a'"),
                Arguments.of("env in ()", "at character 9: the set of values for 'env' is empty"),
                Arguments.of("env is prod", "after the key 'env' expected one of =, ==, !=, in, notin, >, <, ',' or the end, found 'is'"),
                Arguments.of("=web", "at character 1: expected a label key, found '='"),
                Arguments.of("app=web,", "a requirement is missing its key at the end"),
                Arguments.of("app=web,,x", "expected a label key, found ','"),
                Arguments.of("app=we b", "at character 8: expected ',' between requirements, found 'b'"),
                Arguments.of("app=web=x", "expected ',' between requirements, found '='"),
                Arguments.of("!app=web", "'!app' takes no operator or value"),
                Arguments.of("-app=web", "the key '-app' is not a valid label key"),
                Arguments.of("app=" + "v".repeat(64), "is not a valid value for 'app'"),
                Arguments.of("app=-web", "'-web' is not a valid value for 'app'"),
                Arguments.of("Bad_Prefix.com/app=x", "the key 'Bad_Prefix.com/app' has an invalid prefix"),
                Arguments.of("/app=x", "has an invalid prefix"),
                Arguments.of("in=x", "expected a label key, found the operator 'in'"),
                Arguments.of("replicas>three", "'replicas' with > or < needs a whole number, found 'three'"),
                Arguments.of("app=(web)", "expected a value for 'app', found '('"),
                Arguments.of("x".repeat(1025), "longer than 1024 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void badSelectorsSayWhatAndWhere(String selector, String message) {
        assertThatThrownBy(() -> Selector.parse(selector)).isInstanceOf(Selector.Invalid.class)
                .hasMessageContaining(message);
    }

    @Test
    void theTextIsKeptForTheKubectlLine() {
        assertThat(Selector.parse("  app=web, tier!=db ").text()).isEqualTo("app=web, tier!=db");
        assertThat(Selector.parse(null).isEmpty()).isTrue();
    }
}
