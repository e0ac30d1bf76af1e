package dev.poddashboard.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.testing.Capture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The decoder's audience field: what is a plausible audience, and why a vault token is rejected by the API server. */
class AudienceTest {
    @Test
    void emptyMeansTheApiServersOwnAndOneAudienceIsTrimmed() {
        assertThat(Audience.parse(null)).isEmpty();
        assertThat(Audience.parse("")).isEmpty();
        assertThat(Audience.parse("  vault ")).containsExactly("vault");
        assertThat(Audience.parse("https://vault.example.com:8200")).containsExactly("https://vault.example.com:8200");
    }

    @Test
    void implausibleAudiencesAreRefusedWithWhy() {
        assertThatThrownBy(() -> Audience.parse("   ")).hasMessageContaining("empty once its spaces are trimmed");
        assertThatThrownBy(() -> Audience.parse("a".repeat(254))).hasMessageContaining("254 characters; at most 253");
        assertThatThrownBy(() -> Audience.parse("vau\nlt")).hasMessageContaining("control character (U+000A) at position 4");
        assertThatThrownBy(() -> Audience.parse("vault\u200b")).hasMessageContaining("U+200B");
    }

    @ParameterizedTest
    @EnumSource(Capture.class)
    void aVaultTokenIsRejectedForTheApiServerAndAcceptedForVault(Capture capture) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode forApi = json.readTree(capture.bindings("tokenreview-audience-vault-for-api.json")).get("status");
        JsonNode forVault = json.readTree(capture.bindings("tokenreview-audience-vault-for-vault.json")).get("status");
        String rejected = Audience.explain(List.of("vault"), List.of(), forApi.path("authenticated").asBoolean(false),
                forApi.path("error").asText());
        assertThat(rejected).startsWith("Rejected for the API server's own audience")
                .contains("minted for vault").contains("Review it for vault to see it accepted.");
        String accepted = Audience.explain(List.of("vault"), List.of("vault"), forVault.path("authenticated").asBoolean(false),
                forVault.path("error").asText());
        assertThat(accepted).startsWith("Accepted for vault").contains("aud (vault) includes vault");
        assertThat(Audience.explain(List.of("https://kubernetes.default.svc.cluster.local"), List.of(), true, "")).isEmpty();
    }
}
