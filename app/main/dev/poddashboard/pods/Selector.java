package dev.poddashboard.pods;

import io.kubernetes.client.util.labels.EqualityMatcher;
import io.kubernetes.client.util.labels.LabelMatcher;
import io.kubernetes.client.util.labels.LabelSelector;
import io.kubernetes.client.util.labels.SetMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A label selector in kubectl's {@code -l} syntax ({@code app=web}, {@code tier!=db}, {@code env in (a,b)},
 * {@code env notin (c)}, {@code key}, {@code !key}, {@code n>3}), parsed and validated as apimachinery's
 * {@code labels.Parse} does. client-java matches requirements but cannot parse their text; this is the parser,
 * and the matching is client-java's {@link LabelSelector}.
 *
 * @param text the selector as given (trimmed), for the kubectl line; empty selects every pod
 */
public record Selector(String text, LabelSelector matcher) {
    public static final int MAX_LENGTH = 1024;
    private static final Selector EVERYTHING = new Selector("", LabelSelector.empty());
    // A qualified name: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters.
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** A selector the API server would refuse; the message says what and where. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null);
        }
    }

    public static Selector everything() {
        return EVERYTHING;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        return isEmpty() || matcher.test(labels);
    }

    public static Selector parse(String raw) {
        String text = raw == null ? "" : raw.trim();
        if (text.isEmpty()) {
            return EVERYTHING;
        }
        if (text.length() > MAX_LENGTH) {
            throw new Invalid("the selector is longer than " + MAX_LENGTH + " characters");
        }
        return new Selector(text, LabelSelector.and(new Parser(text).requirements().toArray(LabelMatcher[]::new)));
    }

    /** kubectl's lexer and grammar: requirements separated by commas; whitespace only separates tokens. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        List<LabelMatcher> requirements() {
            List<LabelMatcher> result = new ArrayList<>();
            while (true) {
                result.add(requirement());
                skipSpace();
                if (pos == text.length()) {
                    return result;
                }
                expect(",", "',' between requirements");
            }
        }

        private LabelMatcher requirement() {
            skipSpace();
            if (peek("!") && !peek("!=")) {
                pos++;
                String key = key();
                skipSpace();
                if (pos < text.length() && !peek(",")) {
                    throw error("'!" + key + "' takes no operator or value: it selects pods without the label");
                }
                return SetMatcher.notExists(key);
            }
            String key = key();
            skipSpace();
            if (pos == text.length() || peek(",")) {
                return SetMatcher.exists(key);
            }
            if (peek("!=")) {
                pos += 2;
                return EqualityMatcher.notEqual(key, value(key));
            }
            if (peek("==")) {
                pos += 2;
                return EqualityMatcher.equal(key, value(key));
            }
            if (peek("=")) {
                pos++;
                return EqualityMatcher.equal(key, value(key));
            }
            if (peek(">") || peek("<")) {
                boolean greater = text.charAt(pos++) == '>';
                return new Compare(key, greater, integer(key));
            }
            String word = word();
            if (word.equals("in")) {
                return SetMatcher.in(key, values(key));
            }
            if (word.equals("notin")) {
                return SetMatcher.notIn(key, values(key));
            }
            throw error("after the key '" + key + "' expected one of =, ==, !=, in, notin, >, <, ',' or the end, found '"
                    + (word.isEmpty() ? String.valueOf(text.charAt(pos)) : word) + "'");
        }

        private String key() {
            skipSpace();
            int at = pos;
            String key = word();
            if (key.isEmpty()) {
                throw error(pos == text.length() ? "a requirement is missing its key at the end"
                        : "expected a label key, found '" + text.charAt(pos) + "'", at);
            }
            if (key.equals("in") || key.equals("notin")) {
                throw error("expected a label key, found the operator '" + key + "'", at);
            }
            int slash = key.indexOf('/');
            String name = slash < 0 ? key : key.substring(slash + 1);
            if (slash >= 0) {
                String prefix = key.substring(0, slash);
                if (prefix.isEmpty() || prefix.length() > 253 || !PREFIX.matcher(prefix).matches()) {
                    throw error("the key '" + key + "' has an invalid prefix: it must be a DNS subdomain (lower-case "
                            + "letters, digits, '-' and '.', at most 253 characters) such as example.com", at);
                }
            }
            if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
                throw error("the key '" + key + "' is not a valid label key: at most 63 characters of letters, digits, "
                        + "'-', '_' and '.', starting and ending with a letter or digit (an optional prefix/ before it)", at);
            }
            return key;
        }

        private String value(String key) {
            skipSpace();
            int at = pos;
            String value = word();
            if (value.isEmpty() && pos < text.length() && !peek(",")) {
                throw error("expected a value for '" + key + "', found '" + text.charAt(pos) + "'", at);
            }
            checkValue(key, value, at);
            return value;
        }

        private int integer(String key) {
            skipSpace();
            int at = pos;
            String value = word();
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw error("'" + key + "' with > or < needs a whole number, found '" + value + "'", at);
            }
        }

        private String[] values(String key) {
            skipSpace();
            expect("(", "'(' to start the set of values for '" + key + "'");
            skipSpace();
            if (peek(")")) {
                throw error("the set of values for '" + key + "' is empty: in and notin need at least one value");
            }
            List<String> values = new ArrayList<>();
            while (true) {
                skipSpace();
                int at = pos;
                String value = word();
                checkValue(key, value, at);
                values.add(value);
                skipSpace();
                if (peek(")")) {
                    pos++;
                    return values.toArray(String[]::new);
                }
                expect(",", "',' or ')' in the set of values for '" + key + "'");
            }
        }

        private void checkValue(String key, String value, int at) {
            if (value.length() > 63 || !value.isEmpty() && !NAME.matcher(value).matches()) {
                throw error("'" + value + "' is not a valid value for '" + key + "': at most 63 characters of letters, "
                        + "digits, '-', '_' and '.', starting and ending with a letter or digit", at);
            }
        }

        /** An identifier: a run of characters that are neither whitespace nor one of = ! ( ) , > <. */
        private String word() {
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "=!(),<>".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private void expect(String token, String what) {
            if (!peek(token)) {
                throw error("expected " + what + ", found " + (pos == text.length() ? "the end" : "'" + text.charAt(pos) + "'"));
            }
            pos += token.length();
        }

        private boolean peek(String token) {
            return text.startsWith(token, pos);
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private Invalid error(String message) {
            return error(message, pos);
        }

        private Invalid error(String message, int at) {
            return new Invalid("unable to parse the selector '" + text + "' at character " + (at + 1) + ": " + message);
        }
    }

    /** {@code key>N} / {@code key<N}: apimachinery's Gt and Lt, which client-java has no matcher for. */
    private record Compare(String key, boolean greater, int bound) implements LabelMatcher {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public boolean test(String value) {
            if (value == null) {
                return false;
            }
            try {
                long number = Long.parseLong(value);
                return greater ? number > bound : number < bound;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
