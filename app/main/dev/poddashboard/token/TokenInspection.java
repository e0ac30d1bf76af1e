package dev.poddashboard.token;

/** A token decoded, explained and verified; or why it could not be decoded. */
public sealed interface TokenInspection {

    /** @param decoded header and claims as decoded, for the pages that show them as JSON and draw the timeline */
    record Inspected(TokenView view, SignatureCheck signature, TokenDecoding.Decoded decoded) implements TokenInspection {
    }

    record Rejected(String reason) implements TokenInspection {
    }
}
