package dev.poddashboard.config;

/** A configuration variable holds a value the dashboard cannot use; the message names the variable. */
public final class InvalidSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String variable, String problem) {
        super("invalid " + variable + ": " + problem);
    }
}
