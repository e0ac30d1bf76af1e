package dev.poddashboard.web;

import java.util.List;

/**
 * What an error page (or a JSON error) says.
 *
 * @param status   the HTTP status the dashboard answers with
 * @param title    a few words
 * @param message  one or two sentences: what happened and what to do
 * @param facts    label/value pairs (service account, verb, resource, namespace, server ...)
 * @param commands kubectl commands that show or fix the cause
 * @param yaml     a YAML snippet that explains the cause, or empty
 */
record ErrorView(int status, String title, String message, List<Fact> facts, List<String> commands, String yaml) {
    ErrorView {
        facts = List.copyOf(facts);
        commands = List.copyOf(commands);
        yaml = yaml == null ? "" : yaml;
    }

    record Fact(String label, String value) {
    }

    static ErrorView simple(int status, String title, String message) {
        return new ErrorView(status, title, message, List.of(), List.of(), "");
    }
}
