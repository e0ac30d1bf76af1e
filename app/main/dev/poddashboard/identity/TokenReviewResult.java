package dev.poddashboard.identity;

import java.util.List;

/**
 * The status of a TokenReview. A failed review has no {@code authenticated} key at all, an empty user, no
 * audiences and a human-readable {@code error}.
 */
public record TokenReviewResult(boolean authenticated, UserInfo user, List<String> audiences, String error) {
    public TokenReviewResult {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        error = error == null ? "" : error;
    }
}
