package dev.poddashboard.token;

import java.util.List;

/**
 * A decoded token, explained for a student. Holds no raw token and no signature.
 *
 * @param serviceAccount  namespace/name, or null
 * @param boundTo         the binding's label ("Pod name (uid …)", "Node name (uid …)"), or null when not bound
 * @param binding         what it is bound to
 * @param deletion        what deleting each object it depends on does to it, on this API server
 * @param expiry          the practical expiry: {@code warnafter} when the API server extended {@code exp}, else
 *                        {@code exp}; null for a token that never expires
 * @param state           "valid", "expired", "not yet valid" or "never expires"
 * @param rotation        when the kubelet would fetch a new token, or null when that does not apply
 * @param rawJson         header and claims as pretty JSON, exactly as decoded
 * @param nowEpochSeconds the server's clock, so the page's countdown can run from it
 */
public record TokenView(TokenKind kind, String serviceAccount, String boundTo, Binding binding, List<Deletion> deletion,
                        String algorithm, String keyId, List<Row> header, List<Row> claims, List<TimeRow> times,
                        TimeRow expiry, String state, String rotation, String rawJson, int length, long nowEpochSeconds) {

    public TokenView {
        deletion = List.copyOf(deletion);
        header = List.copyOf(header);
        claims = List.copyOf(claims);
        times = List.copyOf(times);
    }

    public String kindTitle() {
        return kind.title();
    }

    public String kindExplanation() {
        return kind.explanation();
    }

    /** Always "redacted": the signature is part of the credential. */
    public String signature() {
        return "redacted";
    }

    /** @param known false for claims this page has no explanation for */
    public record Row(String name, String value, String explanation, boolean known) {
    }

    public record TimeRow(String claim, String label, long epochSeconds, String utc, String relative) {
    }
}
