package dev.poddashboard.cluster;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything that can go wrong between the dashboard and the API server. The web layer maps each kind to a
 * status code, a title and a sentence in one place.
 */
public abstract sealed class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClusterException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** One sentence fragment for a notice or a check's result line, e.g. "the API server at 10.96.0.1:443 does not answer". */
    public String sentence() {
        return getMessage();
    }

    /** 401: the API server rejected the token (expired, revoked, or for another cluster). */
    public static final class Unauthorized extends ClusterException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(String message) {
            super(message, null);
        }

        @Override
        public String sentence() {
            return "the API server rejects the dashboard's token (401 Unauthorized)";
        }
    }

    /** 403: authenticated, but RBAC does not allow it. */
    public static final class Forbidden extends ClusterException {
        private static final long serialVersionUID = 1L;
        private final transient ApiStatus status;

        public Forbidden(ApiStatus status) {
            super(status.message(), null);
            this.status = status;
        }

        public ApiStatus status() {
            return status;
        }

        public Optional<RbacDenial> denial() {
            return RbacDenial.parse(status.message());
        }
    }

    /** 404: no such object. */
    public static final class NotFound extends ClusterException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message, null);
        }
    }

    /** Any other error status from the API server (410 Expired, 429, 5xx ...). */
    public static final class ApiError extends ClusterException {
        private static final long serialVersionUID = 1L;
        private final transient ApiStatus status;

        public ApiError(ApiStatus status) {
            super(status.code() + " " + status.message(), null);
            this.status = status;
        }

        public ApiStatus status() {
            return status;
        }
    }

    /** No answer: connection refused, unknown host, or a timeout. */
    public static final class Unreachable extends ClusterException {
        private static final long serialVersionUID = 1L;
        private final String server;

        public Unreachable(String server, String detail, Throwable cause) {
            super(detail, cause);
            this.server = server;
        }

        @Override
        public String sentence() {
            return "the API server at " + server + " does not answer (" + getMessage() + ")";
        }

        public String server() {
            return server;
        }
    }

    /** The TLS handshake failed: the server's certificate is not signed by the CA we trust. */
    public static final class TlsFailure extends ClusterException {
        private static final long serialVersionUID = 1L;
        private final String server;

        public TlsFailure(String server, String detail, Throwable cause) {
            super(detail, cause);
            this.server = server;
        }

        @Override
        public String sentence() {
            return "TLS to " + server + " failed: its certificate is not signed by the trusted CA (" + getMessage() + ")";
        }

        public String server() {
            return server;
        }
    }

    /** In a pod, but no service-account token is mounted ({@code automountServiceAccountToken: false}). */
    public static final class NoTokenMounted extends ClusterException {
        private static final long serialVersionUID = 1L;
        private final transient Path tokenFile;

        public NoTokenMounted(Path tokenFile) {
            super("no service-account token at " + tokenFile, null);
            this.tokenFile = tokenFile;
        }

        @Override
        public String sentence() {
            return "no service-account token is mounted, so the dashboard cannot authenticate";
        }

        public Path tokenFile() {
            return tokenFile;
        }
    }
}
