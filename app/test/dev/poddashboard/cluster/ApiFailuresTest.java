package dev.poddashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.Main;
import dev.poddashboard.testing.Fixtures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** A failed call as the pages explain it: the API server's own Status, or why no answer came. */
class ApiFailuresTest {
    private final ApiFailures failures = new ApiFailures(Main.objectMapper(), "10.96.0.1:443");

    @Test
    void aCapturedForbiddenStatusKeepsTheServersSentence() {
        ClusterException e = failures.status(403, Fixtures.api("status-403-list-pods-other-ns.json"));
        assertThat(e).isInstanceOfSatisfying(ClusterException.Forbidden.class, forbidden -> {
            assertThat(forbidden.status().reason()).isEqualTo("Forbidden");
            assertThat(forbidden.status().code()).isEqualTo(403);
            assertThat(forbidden.getMessage()).contains("cannot list resource \"pods\"", "in the namespace \"other\"");
        });
    }

    @Test
    void otherCodesMapToTheirKindAndAStatusWithoutACodeGetsTheResponses() {
        assertThat(failures.status(401, Fixtures.api("status-401-bad-token.json")))
                .isInstanceOf(ClusterException.Unauthorized.class);
        assertThat(failures.status(404, Fixtures.api("status-404-pod-not-found.json")))
                .isInstanceOf(ClusterException.NotFound.class).hasMessageContaining("not found");
        ClusterException expired = failures.status(410, Fixtures.api("status-410-expired-continue.json"));
        assertThat(expired).isInstanceOfSatisfying(ClusterException.ApiError.class,
                e -> assertThat(e.status().reason()).isEqualTo("Expired"));
        ClusterException noCode = failures.status(429, "{\"kind\":\"Status\",\"message\":\"slow down\"}");
        assertThat(noCode).isInstanceOfSatisfying(ClusterException.ApiError.class,
                e -> assertThat(e.status().code()).isEqualTo(429));
    }

    @Test
    void aProxysPageIsShownAsTextAndCutShort() {
        String html = "<html><body>" + "Bad gateway. ".repeat(60) + "</body></html>";
        ClusterException e = failures.status(502, html);
        assertThat(e).isInstanceOfSatisfying(ClusterException.ApiError.class, error -> {
            assertThat(error.status().message()).startsWith("<html><body>Bad gateway.").endsWith("…").hasSize(301);
            assertThat(error.getMessage()).startsWith("502 ");
        });
    }

    @Test
    void noAnswerIsTlsTimeoutOrUnreachableNamingTheServer() {
        ClusterException tls = failures.transport(new IOException("handshake",
                new SSLHandshakeException("PKIX path building failed")));
        assertThat(tls).isInstanceOfSatisfying(ClusterException.TlsFailure.class, e -> {
            assertThat(e.server()).isEqualTo("10.96.0.1:443");
            assertThat(e.getMessage()).contains("SSLHandshakeException: PKIX path building failed");
        });
        assertThat(failures.transport(new SocketTimeoutException("read timed out")))
                .isInstanceOf(ClusterException.Unreachable.class).hasMessageContaining("timed out");
        assertThat(failures.transport(new ConnectException("Connection refused")))
                .isInstanceOfSatisfying(ClusterException.Unreachable.class, e -> {
                    assertThat(e.server()).isEqualTo("10.96.0.1:443");
                    assertThat(e.getMessage()).contains("ConnectException: Connection refused");
                });
    }

    @Test
    void ourOwnExceptionInsideTheClientsWrapperComesOutUnwrapped() {
        ClusterException.NoTokenMounted missing = new ClusterException.NoTokenMounted(
                Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
        RuntimeException wrapped = new IllegalStateException("token acquisition failed", missing);
        assertThat(ApiFailures.unwrap(wrapped)).isSameAs(missing);
        IllegalStateException other = new IllegalStateException("something else");
        assertThat(ApiFailures.unwrap(other)).isSameAs(other);
    }
}
