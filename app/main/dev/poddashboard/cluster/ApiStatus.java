package dev.poddashboard.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A {@code meta/v1 Status}: the body the API server sends with every error. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiStatus(String status, String message, String reason, Details details, int code) {

    public ApiStatus {
        message = message == null ? "" : message;
        reason = reason == null ? "" : reason;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(String name, String group, String kind) {
    }

    public static ApiStatus of(int code, String message) {
        return new ApiStatus("Failure", message, "", null, code);
    }
}
