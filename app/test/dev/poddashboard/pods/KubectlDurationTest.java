package dev.poddashboard.pods;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubectlDurationTest {

    @ParameterizedTest(name = "{0}s prints as {1}")
    @CsvSource({
            "-5, <invalid>",
            "-1, 0s",
            "0, 0s",
            "45, 45s",
            "119, 119s",
            "120, 2m",
            "312, 5m12s",
            "599, 9m59s",
            "600, 10m",
            "10799, 179m",
            "10800, 3h",
            "11040, 3h4m",
            "28800, 8h",
            "169200, 47h",
            "172800, 2d",
            "190800, 2d5h",
            "687600, 7d23h",
            "691200, 8d",
            "62985600, 729d",
            "63072000, 2y",
            "63936000, 2y10d",
            "252288000, 8y",
    })
    void formatsLikeApimachineryHumanDuration(long seconds, String expected) {
        assertThat(KubectlDuration.format(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @Test
    void missingTimestampIsUnknown() {
        assertThat(KubectlDuration.since(null, Instant.EPOCH)).isEqualTo("<unknown>");
    }
}
