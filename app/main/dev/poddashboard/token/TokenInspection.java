package dev.poddashboard.token;

/** A token decoded, explained and verified; or why it could not be decoded. */
public sealed interface TokenInspection {

    record Inspected(TokenView view, SignatureCheck signature, java.util.List<String> audiences) implements TokenInspection {
        public Inspected {
            audiences = java.util.List.copyOf(audiences);
        }
    }

    record Rejected(String reason) implements TokenInspection {
    }
}
