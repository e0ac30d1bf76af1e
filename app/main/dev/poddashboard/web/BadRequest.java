package dev.poddashboard.web;

/** A request parameter the user got wrong: answered with 400 and this message. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message, null, false, false);
    }
}
