package dev.poddashboard.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the dashboard finds its cluster ({@code DASHBOARD_MODE}). */
public enum Mode {
    AUTO("auto"),
    IN_CLUSTER("in-cluster"),
    KUBECONFIG("kubeconfig"),
    DEMO("demo");

    private final String value;

    Mode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static Mode parse(String raw) {
        return choice("DASHBOARD_MODE", raw, values(), Mode::value);
    }

    /** One of a setting's values, case-insensitively; else the variable, the value and the choices, named. */
    static <E extends Enum<E>> E choice(String variable, String raw, E[] values, java.util.function.Function<E, String> value) {
        String wanted = raw.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values)
                .filter(v -> value.apply(v).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidSettingException(variable,
                        "'" + raw + "' is not one of " + Arrays.stream(values).map(value).collect(Collectors.joining(", "))));
    }
}
