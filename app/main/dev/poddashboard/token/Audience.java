package dev.poddashboard.token;

import java.util.ArrayList;
import java.util.List;

/**
 * The audience a TokenReview is asked for ({@code spec.audiences}), and why the API server accepted or rejected a
 * token for it: a token is accepted only for an audience it was minted for, so one minted with
 * {@code --audience vault} is rejected by the API server and accepted for {@code vault}.
 */
public final class Audience {
    /** Audiences are URLs or names; Kubernetes names are at most 253 characters. */
    public static final int MAX_LENGTH = 253;

    private Audience() {
    }

    /**
     * The audiences to review for: none when {@code raw} is null or empty (the API server's own), else exactly one.
     *
     * @throws IllegalArgumentException with a sentence naming what is wrong
     */
    public static List<String> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        String audience = raw.strip();
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("the audience is empty once its spaces are trimmed; leave the field "
                    + "empty to review the token for the API server's own audience");
        }
        if (audience.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the audience is " + audience.length() + " characters; at most "
                    + MAX_LENGTH + " are accepted");
        }
        for (int i = 0; i < audience.length(); i++) {
            char c = audience.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new IllegalArgumentException(String.format("the audience has a control character (U+%04X) at "
                        + "position %d; an audience is a name or URL such as vault or https://vault.example.com", (int) c, i + 1));
            }
        }
        return List.of(audience);
    }

    /**
     * One or two sentences on the review's outcome for this audience; empty when there is nothing to say (a token
     * for the API server's audience, reviewed for it and accepted).
     *
     * @param tokenAudiences the token's {@code aud}
     * @param asked          what the review asked for (empty: the API server's own audience)
     * @param authenticated  the review's answer
     * @param error          the review's error, if it rejected the token
     */
    public static String explain(List<String> tokenAudiences, List<String> asked, boolean authenticated, String error) {
        String target = asked.isEmpty() ? "the API server's own audience (its --api-audiences, usually its issuer)"
                : String.join(", ", asked);
        String minted = tokenAudiences.isEmpty() ? "no audience" : String.join(", ", tokenAudiences);
        if (authenticated) {
            if (asked.isEmpty()) {
                return "";
            }
            return "Accepted for " + target + ": the API server checked the signature, the expiry, the binding and "
                    + "that the token's aud (" + minted + ") includes " + target + ". This is the review a service "
                    + "such as Vault makes when a pod shows it this token.";
        }
        if (error == null || !error.contains("audience")) {
            return "";
        }
        List<String> suggestions = new ArrayList<>(tokenAudiences);
        suggestions.removeAll(asked);
        return "Rejected for " + target + ": the token was minted for " + minted + ", and the API server accepts a "
                + "token only for an audience it was minted for. So a token meant for another service cannot be "
                + "replayed against this one." + (suggestions.isEmpty() ? ""
                : " Review it for " + suggestions.get(0) + " to see it accepted.");
    }
}
