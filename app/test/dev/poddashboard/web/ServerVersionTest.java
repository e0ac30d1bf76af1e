package dev.poddashboard.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.poddashboard.testing.Capture;
import dev.poddashboard.testing.Eventually;
import dev.poddashboard.testing.MockApiServer;
import dev.poddashboard.testing.MutableClock;
import dev.poddashboard.testing.RunningApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /version is read at start and again after a reconnect: an API server upgraded meanwhile shows its new version. */
class ServerVersionTest {
    private static final String POD = "/api/v1/namespaces/dashboard/pods/my-kubernetes-dashboard";
    private MockApiServer api;
    private RunningApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        api.close();
    }

    private static String footer(String page) {
        int at = page.indexOf("<span id=\"footer-version\">");
        return page.substring(at + 26, page.indexOf('<', at + 26));
    }

    @Test
    void anUpgradeBehindAReconnectIsNoticed() {
        api = new MockApiServer(Capture.V1_28).withDashboardNamespace();
        app = RunningApp.inCluster(api, new MutableClock(Capture.V1_28.capturedAt()));
        assertThat(footer(app.get("/").body())).isEqualTo("v1.28.7");
        long reads = api.requests().stream().filter(r -> r.getUrl().equals("/version")).count();
        assertThat(reads).isEqualTo(1);

        // The API server goes away (the connection is reset) and comes back as v1.33.3.
        var down = api.wireMock().stubFor(get(urlPathEqualTo(POD)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        api.wireMock().stubFor(get(urlPathEqualTo("/version")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Capture.V1_33.version())));
        assertThat(app.get("/pods/my-kubernetes-dashboard").statusCode()).isEqualTo(503);
        assertThat(footer(app.get("/").body())).isEqualTo("v1.28.7");
        api.wireMock().removeStubMapping(down);
        assertThat(app.get("/pods/my-kubernetes-dashboard").statusCode()).isEqualTo(200);

        Eventually.assertThat(() -> assertThat(footer(app.get("/").body())).isEqualTo("v1.33.3"));
        assertThat(app.get("/metrics").body()).contains("dashboard_apiserver_info{git_version=\"v1.33.3\",minor=\"33\"} 1")
                .doesNotContain("git_version=\"v1.28.7\"");
        assertThat(app.get("/token").body()).contains("<span id=\"server-version\">v1.33.3</span>");
    }

    @Test
    void aServerWhoseVersionCannotBeReadIsTakenAsTheNewestKnownAndSaysSo() {
        api = new MockApiServer(Capture.V1_28).withDashboardNamespace().withOidcDiscovery().withReviews();
        api.wireMock().stubFor(get(urlPathEqualTo("/version")).atPriority(1).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(Capture.V1_28.api("status-403-anonymous-list-pods.json"))));
        app = RunningApp.inCluster(api, new MutableClock(Capture.V1_28.capturedAt()));
        String page = app.get("/token").body();
        assertThat(footer(page)).isEqualTo("unknown");
        assertThat(page).contains("could not be read, so the dashboard assumes the newest it knows (1.34)");
    }

    @Test
    void demoModeSaysWhichVersionItImitates() {
        api = new MockApiServer();
        app = RunningApp.demo(new MutableClock(Capture.V1_33.capturedAt()));
        String page = app.get("/token").body();
        assertThat(footer(page)).isEqualTo("v1.33.3, imitated by demo mode");
        // the demo token is shaped like a v1.33 kubelet's: a jti, and the pod's node
        assertThat(page).contains("<code>jti</code>").contains("kubernetes.io.node.name").contains("Information only")
                .contains("extra authentication.kubernetes.io/credential-id");
    }
}
