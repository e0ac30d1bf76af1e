package dev.poddashboard.logs;

import java.util.regex.Pattern;

/**
 * One log line as the kubelet sent it with {@code timestamps=true}: the RFC 3339 time it was written, and the
 * text. The text is untrusted: {@link #display()} drops terminal escape sequences (colours, cursor moves) and
 * other control characters, and pages escape it like any other text.
 *
 * @param cut true when the line was longer than {@link LogLimits#MAX_LINE_BYTES} and only its start is kept
 */
public record LogLine(String timestamp, String text, boolean cut) {
    // CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), and any other two-character escape.
    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|\u001B[@-_]?");
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F\\x80-\\x9F]");

    /** Splits "2026-12-02T01:52:18.358630804Z text" (the kubelet's format); a line without one keeps it whole. */
    static LogLine parse(String raw, boolean cut) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        int space = line.indexOf(' ');
        if (space > 19 && line.charAt(4) == '-' && line.charAt(10) == 'T' && line.charAt(space - 1) == 'Z') {
            return new LogLine(line.substring(0, space), line.substring(space + 1), cut);
        }
        return new LogLine("", line, cut);
    }

    /** The text safe to put on a page: no escape sequences, no control characters (tabs stay). */
    public String display() {
        String plain = ESCAPES.matcher(text).replaceAll("");
        return CONTROLS.matcher(plain).replaceAll("");
    }

    /** The line as kubectl prints it, with or without its timestamp. */
    public String printed(boolean withTimestamp) {
        return withTimestamp && !timestamp.isEmpty() ? timestamp + " " + text : text;
    }
}
