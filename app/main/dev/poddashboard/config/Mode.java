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
        String wanted = raw.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.value.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidSettingException("DASHBOARD_MODE",
                        "'" + raw + "' is not one of " + Arrays.stream(values()).map(Mode::value)
                                .collect(Collectors.joining(", "))));
    }
}
