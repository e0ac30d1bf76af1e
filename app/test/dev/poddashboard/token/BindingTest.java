package dev.poddashboard.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.testing.Capture;
import dev.poddashboard.version.KubeVersion;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every binding the real servers minted (../shared/fixtures/bindings and v1.33/bindings), named with kind, name and
 * uid, and the node claim explained for what it is: information beside a pod, the binding itself alone.
 */
class BindingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TokenDecoding.Decoded decode(Capture capture, String name) {
        return (TokenDecoding.Decoded) new TokenDecoder().decode(capture.bindingToken(name));
    }

    private static TokenView explain(Capture capture, String name) {
        return new TokenExplainer(Clock.fixed(capture.bindingsCapturedAt(), ZoneOffset.UTC))
                .explain(decode(capture, name), version(capture));
    }

    static KubeVersion version(Capture capture) {
        return KubeVersion.of(capture.gitVersion(), "1", Integer.toString(capture.minor()), null, null);
    }

    private static JsonNode claims(Capture capture, String name) throws Exception {
        return JSON.readTree(capture.bindings(name + ".decoded.json")).get("claims").get("kubernetes.io");
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void podBoundNamesThePodWithItsUid(Capture capture) throws Exception {
        JsonNode pod = claims(capture, "pod-bound").get("pod");
        Binding b = decode(capture, "pod-bound").typed().binding();
        assertThat(b.kind()).isEqualTo(Binding.Kind.POD);
        assertThat(b.label()).isEqualTo("Pod " + pod.get("name").asText() + " (uid " + pod.get("uid").asText() + ")");
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void secretBoundAndUnboundTokens(Capture capture) throws Exception {
        JsonNode secret = claims(capture, "secret-bound").get("secret");
        assertThat(decode(capture, "secret-bound").typed().binding().label())
                .isEqualTo("Secret " + secret.get("name").asText() + " (uid " + secret.get("uid").asText() + ")");
        assertThat(decode(capture, "plain").typed().binding()).isEqualTo(Binding.NONE);
        assertThat(decode(capture, "audience-vault").typed().binding()).isEqualTo(Binding.NONE);
        assertThat(explain(capture, "plain").boundTo()).isNull();
    }

    @Test
    void onV133APodBoundTokenNamesItsNodeForInformationOnly() {
        TokenView v = explain(Capture.V1_33, "pod-bound");
        assertThat(v.binding().kind()).isEqualTo(Binding.Kind.POD);
        assertThat(v.claims()).filteredOn(r -> r.name().equals("kubernetes.io.node.name")).singleElement()
                .satisfies(r -> assertThat(r.explanation()).contains("Information only").contains("checks the pod, not this node"));
        assertThat(v.claims()).filteredOn(r -> r.name().equals("jti")).singleElement()
                .satisfies(r -> assertThat(r.explanation()).contains("credential-id JTI="));
    }

    @Test
    void aNodeBoundTokenIsBoundToItsNodeNotToAPod() {
        TokenView v = explain(Capture.V1_33, "node-bound");
        assertThat(v.binding().kind()).isEqualTo(Binding.Kind.NODE);
        assertThat(v.boundTo()).isEqualTo("Node study-node-b (uid 40396a49-ef3d-4d60-a12f-91e32abfc9b2)");
        assertThat(v.claims()).filteredOn(r -> r.name().equals("kubernetes.io.node.name")).singleElement()
                .satisfies(r -> assertThat(r.explanation()).startsWith("The Node this token is bound to")
                        .doesNotContain("pod").contains("Delete the node and the token stops working"));
        // rotation is the kubelet's, for pod-bound tokens only
        assertThat(v.rotation()).isNull();
    }

    @Test
    void aNodeBoundTokenShownByA128ServerSaysThatServerRejectsIt() {
        TokenView v = new TokenExplainer(Clock.fixed(Capture.V1_33.bindingsCapturedAt(), ZoneOffset.UTC))
                .explain(decode(Capture.V1_33, "node-bound"), version(Capture.V1_28));
        assertThat(v.claims()).filteredOn(r -> r.name().equals("kubernetes.io.node.name")).singleElement()
                .satisfies(r -> assertThat(r.explanation()).contains("This API server (v1.28.7) does not check node-bound tokens"));
    }

    @Test
    void aBindingOfAKindTheAppDoesNotKnowIsShownRawNotRefused() {
        String token = TokenDecoderTest.forged("{\"alg\":\"RS256\",\"kid\":\"k\"}", "{\"iss\":\"https://k\","
                + "\"sub\":\"system:serviceaccount:a:b\",\"kubernetes.io\":{\"namespace\":\"a\",\"serviceaccount\":"
                + "{\"name\":\"b\",\"uid\":\"u\"},\"widget\":{\"name\":\"w1\",\"uid\":\"9\"}}}");
        TokenDecoding decoding = new TokenDecoder().decode(token);
        assertThat(decoding).isInstanceOf(TokenDecoding.Decoded.class);
        TokenView v = new TokenExplainer(Clock.systemUTC()).explain((TokenDecoding.Decoded) decoding, KubeVersion.DEMO);
        assertThat(v.binding().kind()).isEqualTo(Binding.Kind.UNKNOWN);
        assertThat(v.boundTo()).isEqualTo("unknown binding kubernetes.io.widget: {\"name\":\"w1\",\"uid\":\"9\"}");
        assertThat(v.claims()).filteredOn(r -> r.name().equals("kubernetes.io.widget")).singleElement()
                .satisfies(r -> assertThat(r.explanation()).startsWith("An unknown binding"));
        assertThat(v.deletion()).extracting(Deletion::object).containsExactly("kubernetes.io.widget", "ServiceAccount a/b");
    }

    @Test
    void aLegacyTokenHangsOnTheSecretThatStoresIt() {
        TokenView v = new TokenExplainer(Clock.fixed(Capture.V1_33.capturedAt(), ZoneOffset.UTC))
                .explain((TokenDecoding.Decoded) new TokenDecoder().decode(Capture.V1_33.token("legacy-secret.jwt")),
                        version(Capture.V1_33));
        assertThat(v.binding().kind()).isEqualTo(Binding.Kind.LEGACY_SECRET);
        assertThat(v.deletion()).extracting(Deletion::object).containsExactly("Secret dashboard-sa-legacy-token",
                "ServiceAccount dashboard/dashboard-sa");
        assertThat(v.deletion()).allMatch(Deletion::invalidates);
    }

    @Test
    void theServiceAccountIsAlwaysTheLastRow() {
        List<Deletion> rows = explain(Capture.V1_28, "plain").deletion();
        assertThat(rows).singleElement().satisfies(d -> {
            assertThat(d.object()).isEqualTo("ServiceAccount dashboard/dashboard-sa");
            assertThat(d.command()).isEqualTo("kubectl delete serviceaccount dashboard-sa -n dashboard");
        });
    }
}
