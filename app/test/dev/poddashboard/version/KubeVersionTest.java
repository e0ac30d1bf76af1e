package dev.poddashboard.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.testing.Capture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** /version as real servers answer it, and what the app decides from it (version/Feature's table). */
class KubeVersionTest {
    private static KubeVersion read(String json) throws Exception {
        JsonNode v = new ObjectMapper().readTree(json);
        return KubeVersion.of(v.path("gitVersion").asText(null), v.path("major").asText(null), v.path("minor").asText(null),
                v.path("emulationMajor").asText(null), v.path("emulationMinor").asText(null));
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void theCapturedVersionIsReadAsTheServerSaysIt(Capture capture) throws Exception {
        KubeVersion v = read(capture.version());
        assertThat(v.label()).isEqualTo(capture.gitVersion());
        assertThat(v.minor()).isEqualTo(capture.minor());
        assertThat(v.assumption()).isEmpty();
    }

    @Test
    void v128HasNoNodeClaimsNoJtiAndCannotBindToANode() throws Exception {
        KubeVersion v = read(Capture.V1_28.version());
        assertThat(Feature.TOKEN_JTI.on(v)).isFalse();
        assertThat(Feature.POD_NODE_INFO.on(v)).isFalse();
        assertThat(Feature.NODE_BINDING.on(v)).isFalse();
        assertThat(Feature.NODE_BINDING_VALIDATION.on(v)).isFalse();
        assertThat(Feature.NATIVE_SIDECARS.on(v)).isFalse();
        assertThat(Feature.NODE_BINDING.sentence(v)).isEqualTo("This API server (v1.28.7) cannot bind tokens to a Node "
                + "(only to a Pod or a Secret): that came in 1.29 (ServiceAccountTokenNodeBinding, on by default from 1.31).");
    }

    @Test
    void v133HasThemAll() throws Exception {
        KubeVersion v = read(Capture.V1_33.version());
        for (Feature f : Feature.values()) {
            assertThat(f.on(v)).as(f.name()).isTrue();
        }
        assertThat(Feature.NODE_BINDING.sentence(v)).isEqualTo("This API server (v1.33.3) mints tokens bound to a Node "
                + "(kubectl create token --bound-object-kind Node) (ServiceAccountTokenNodeBinding, GA since 1.33).");
        assertThat(Feature.NATIVE_SIDECARS.sentence(v)).contains("GA since 1.33");
    }

    @Test
    void betweenAlphaAndBetaTheGateDecides() {
        KubeVersion v129 = KubeVersion.of("v1.29.4", "1", "29", null, null);
        assertThat(Feature.NODE_BINDING.on(v129)).isFalse();
        assertThat(Feature.NODE_BINDING.sentence(v129)).contains("unless the alpha feature gate ServiceAccountTokenNodeBinding is turned on");
        KubeVersion v131 = KubeVersion.of("v1.31.0", "1", "31", "1", "31");
        assertThat(Feature.NODE_BINDING.on(v131)).isTrue();
        assertThat(Feature.NODE_BINDING.sentence(v131)).contains("by default").contains("a cluster can turn the gate off");
    }

    @Test
    void managedServersMinorWithAPlusAndAGitSuffix() {
        KubeVersion eks = KubeVersion.of("v1.30.4-eks-a737599", "1", "30+", null, null);
        assertThat(eks.minor()).isEqualTo(30);
        assertThat(eks.label()).isEqualTo("v1.30.4-eks-a737599");
        assertThat(Feature.TOKEN_JTI.on(eks)).isTrue();
        assertThat(KubeVersion.of("v1.32.2+k3s1", null, null, null, null).minor()).isEqualTo(32);
    }

    @Test
    void anEmulatedVersionDecidesFeatures() {
        KubeVersion v = KubeVersion.of("v1.33.1", "1", "33", "1", "30");
        assertThat(v.minor()).isEqualTo(30);
        assertThat(v.label()).isEqualTo("v1.33.1 (emulating 1.30)");
        assertThat(Feature.NODE_BINDING.on(v)).isFalse();
    }

    @Test
    void anUnknownOrNewerVersionIsTreatedAsTheNewestKnown() {
        assertThat(KubeVersion.UNKNOWN.effectiveMinor()).isEqualTo(KubeVersion.NEWEST_KNOWN);
        assertThat(KubeVersion.UNKNOWN.assumption()).contains("could not be read").contains("1.34");
        KubeVersion future = KubeVersion.of("v1.40.0", "1", "40", null, null);
        assertThat(future.effectiveMinor()).isEqualTo(KubeVersion.NEWEST_KNOWN);
        assertThat(future.assumption()).isEqualTo("This dashboard knows Kubernetes up to 1.34; it treats 1.40 like 1.34.");
        assertThat(Feature.NODE_BINDING.on(future)).isTrue();
        assertThat(KubeVersion.of("garbage", "x", "y", null, null).known()).isFalse();
    }

    @Test
    void demoModeSaysWhatItImitates() {
        assertThat(KubeVersion.DEMO.label()).isEqualTo("v1.33.3, imitated by demo mode");
    }
}
