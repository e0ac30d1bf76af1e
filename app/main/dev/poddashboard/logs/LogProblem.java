package dev.poddashboard.logs;

import java.util.List;

/** A log the API server could not give, for a reason a user can act on; the web layer makes it a page. */
public final class LogProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** {@code -p} on a container that has not restarted: there is no previous instance. */
        NO_PREVIOUS,
        /** No container of that name in the pod. */
        NO_CONTAINER,
        /** The container has not started (ContainerCreating, ImagePullBackOff ...): no log yet. */
        NOT_STARTED,
        /** The API server could not reach the kubelet that holds the log. */
        KUBELET_UNREACHABLE
    }

    private final Kind kind;
    private final transient List<String> commands;

    public LogProblem(Kind kind, String message, List<String> commands) {
        super(message, null, false, false);
        this.kind = kind;
        this.commands = List.copyOf(commands);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> commands() {
        return commands;
    }
}
