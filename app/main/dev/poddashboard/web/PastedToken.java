package dev.poddashboard.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.token.Audience;
import java.io.IOException;
import java.util.List;

/**
 * A token a visitor sends as JSON, {@code {"token": "<jwt>", "audience": "<optional>"}}: the decoder's API and the
 * bound-token lab read it alike.
 *
 * @param audience null when left out (the API server's own audience)
 */
record PastedToken(String token, String audience) {

    static PastedToken fromJson(ObjectMapper mapper, String body) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException e) {
            throw new BadRequest("the body is not valid JSON; send {\"token\": \"<jwt>\", \"audience\": \"<optional>\"}");
        }
        JsonNode token = json == null ? null : json.get("token");
        if (token == null || !token.isTextual()) {
            throw new BadRequest("send {\"token\": \"<jwt>\"}: a JSON object with the token as a string");
        }
        JsonNode audience = json.get("audience");
        if (audience != null && !audience.isNull() && !audience.isTextual()) {
            throw new BadRequest("\"audience\" must be a string, such as \"vault\"");
        }
        if (audience != null && audience.isTextual() && audience.asText().isEmpty()) {
            throw new BadRequest("the audience is empty; leave \"audience\" out to review the token for the API "
                    + "server's own audience");
        }
        return new PastedToken(token.asText(), audience == null || audience.isNull() ? null : audience.asText());
    }

    /** The audiences to review for (a form field or the JSON's), or a 400 that says what is wrong with it. */
    static List<String> audiences(String raw) {
        try {
            return Audience.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("Bad audience: " + e.getMessage() + ".");
        }
    }
}
