package dev.poddashboard.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.testing.Capture;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "If this object is deleted, this token …" against what the real API servers answered: every "…-after-…-deleted"
 * TokenReview in bindings/summary.json (v1.28 and v1.33) is predicted by the row for that object.
 */
class DeletionTest {
    private static final Pattern AFTER = Pattern.compile("(.+)-after-(?:its-)?(pod|node|secret)-deleted");

    @ParameterizedTest
    @EnumSource(Capture.class)
    void everyCapturedDeletionIsPredicted(Capture capture) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(capture.bindings("summary.json"));
        int checked = 0;
        for (JsonNode review : summary) {
            Matcher m = AFTER.matcher(review.get("name").asText());
            if (!m.matches()) {
                continue;
            }
            TokenClaims claims = ((TokenDecoding.Decoded) new TokenDecoder().decode(capture.bindingToken(m.group(1)))).typed();
            List<Deletion> rows = Deletion.of(claims, BindingTest.version(capture));
            String kind = Character.toUpperCase(m.group(2).charAt(0)) + m.group(2).substring(1) + " ";
            Deletion row = rows.stream().filter(d -> d.object().startsWith(kind)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + kind + "in " + rows));
            boolean stillAuthenticated = review.get("authenticated").asBoolean(false);
            assertThat(row.invalidates()).as(review.get("name").asText()).isEqualTo(!stillAuthenticated);
            if (!stillAuthenticated) {
                assertThat(review.get("error").asText()).contains("service account token has been invalidated");
                assertThat(row.effect()).contains("service account token has been invalidated");
            }
            checked++;
        }
        // v1.28: pod, node (of a pod-bound token), secret; v1.33 also a node-bound token's node
        assertThat(checked).isEqualTo(capture == Capture.V1_28 ? 3 : 4);
    }
}
