package dev.poddashboard.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** How a failed call to the API server becomes a {@link ClusterException}: its Status, or why there was no answer. */
final class ApiFailures {
    private final ObjectMapper mapper;
    private final String server;

    /** @param server host:port of the API server, for messages */
    ApiFailures(ObjectMapper mapper, String server) {
        this.mapper = mapper;
        this.server = server;
    }

    /** client-java wraps what the token supplier throws (NoTokenMounted) in TokenAquisitionException. */
    static RuntimeException unwrap(RuntimeException e) {
        Optional<Throwable> ours = causeOf(e, ClusterException.class);
        return ours.isPresent() ? (ClusterException) ours.get() : e;
    }

    /** A non-2xx answer: the Status the API server sent (or, from a proxy, its text) as the matching exception. */
    ClusterException status(int code, String body) {
        ApiStatus status = parseStatus(code, body);
        return switch (code) {
            case 401 -> new ClusterException.Unauthorized(status.message());
            case 403 -> new ClusterException.Forbidden(status);
            case 404 -> new ClusterException.NotFound(status.message());
            default -> new ClusterException.ApiError(status);
        };
    }

    private ApiStatus parseStatus(int code, String body) {
        try {
            ApiStatus status = mapper.readValue(body, ApiStatus.class);
            if (status != null && !status.message().isEmpty()) {
                return status.code() == 0 ? new ApiStatus(status.status(), status.message(), status.reason(),
                        status.details(), code) : status;
            }
        } catch (IOException | RuntimeException notAStatus) {
            // Proxies and load balancers answer with HTML or plain text; fall through to the raw body.
        }
        String text = body == null ? "" : body.strip();
        return ApiStatus.of(code, text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    /** No answer: TLS refused, timed out, or unreachable. */
    ClusterException transport(IOException e) {
        Optional<Throwable> tls = causeOf(e, SSLException.class, CertificateException.class);
        if (tls.isPresent()) {
            return new ClusterException.TlsFailure(server, rootMessage(e), e);
        }
        if (causeOf(e, SocketTimeoutException.class).isPresent()) {
            return new ClusterException.Unreachable(server, "timed out: " + rootMessage(e), e);
        }
        // Connection refused, unknown host, no route, reset: all mean no answer.
        return new ClusterException.Unreachable(server, rootMessage(e), e);
    }

    @SafeVarargs
    private static Optional<Throwable> causeOf(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
