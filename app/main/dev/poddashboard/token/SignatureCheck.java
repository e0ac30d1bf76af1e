package dev.poddashboard.token;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** Whether the token's signature verifies against the API server's published keys. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "result")
@JsonSubTypes({@JsonSubTypes.Type(SignatureCheck.Valid.class), @JsonSubTypes.Type(SignatureCheck.Invalid.class),
        @JsonSubTypes.Type(SignatureCheck.KeysUnavailable.class)})
public sealed interface SignatureCheck {

    /** "valid", "invalid" or "keys-unavailable", for templates. */
    default String outcome() {
        if (this instanceof Valid) {
            return "valid";
        }
        return this instanceof Invalid ? "invalid" : "keys-unavailable";
    }

    /** @param note extra context (the legacy issuer), or empty */
    @JsonTypeName("valid")
    record Valid(String keyId, String algorithm, String issuer, String note) implements SignatureCheck {
    }

    @JsonTypeName("invalid")
    record Invalid(String reason) implements SignatureCheck {
    }

    /** @param forbidden true when RBAC refused the discovery endpoints (a 403) */
    @JsonTypeName("keys-unavailable")
    record KeysUnavailable(String reason, boolean forbidden) implements SignatureCheck {
    }
}
