package dev.poddashboard.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes a JWS compact token (header.payload.signature) without trusting it: base64url, JSON objects, and
 * the types of the claims the dashboard explains. Every rejection says precisely what is wrong.
 */
public final class TokenDecoder {
    /** Tokens larger than this are refused before any decoding. Real service-account tokens are about 1 KiB. */
    public static final int MAX_LENGTH = 16 * 1024;
    private static final int MAX_NESTING = 32;
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public TokenDecoding decode(String input) {
        if (input == null || input.isBlank()) {
            return new TokenDecoding.Malformed("the token is empty");
        }
        if (input.length() > MAX_LENGTH) {
            return new TokenDecoding.Malformed("the token is " + input.length() + " characters; at most "
                    + MAX_LENGTH + " (16 KiB) are accepted");
        }
        String token = normalize(input);
        String[] parts = token.split("\\.", -1);
        if (parts.length == 5) {
            return new TokenDecoding.Malformed("the token has five parts: that is an encrypted JWT (JWE); "
                    + "service-account tokens are signed JWTs (JWS) with three parts");
        }
        if (parts.length != 3) {
            return new TokenDecoding.Malformed("a JWT has three parts separated by '.', header.payload.signature; "
                    + "this has " + parts.length);
        }
        try {
            Map<String, Object> header = object(parts[0], "header");
            Map<String, Object> claims = object(parts[1], "payload");
            Object alg = header.get("alg");
            if (!(alg instanceof String algorithm) || algorithm.isEmpty()) {
                throw new Problem("the header has no \"alg\" string");
            }
            if (algorithm.toLowerCase(Locale.ROOT).equals("none")) {
                throw new Problem("\"alg\": \"none\" means an unsigned token; no API server accepts one");
            }
            if (header.containsKey("crit")) {
                // RFC 7515 4.1.11: a JWS naming critical extensions the recipient does not understand must be
                // rejected; Kubernetes never sets crit.
                throw new Problem("the header has \"crit\" " + header.get("crit") + ": critical extensions this "
                        + "dashboard does not understand, so the token must be rejected (RFC 7515)");
            }
            requireText(header, "kid", "header");
            requireText(header, "typ", "header");
            if (parts[2].isEmpty()) {
                throw new Problem("the signature part is empty");
            }
            base64url(parts[2], "signature");
            return new TokenDecoding.Decoded(header, claims, typed(claims), token.length());
        } catch (Problem p) {
            return new TokenDecoding.Malformed(p.getMessage());
        }
    }

    /** The token as pasted, without surrounding white space or a leading "Bearer " (as copied from a header). */
    public static String normalize(String input) {
        String token = input.strip();
        return token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7).strip() : token;
    }

    private Map<String, Object> object(String part, String name) {
        byte[] bytes = base64url(part, name);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Problem("the " + name + " is not UTF-8 text");
        }
        if (!text.strip().startsWith("{")) {
            throw new Problem("the " + name + " is not a JSON object");
        }
        try (JsonParser parser = json.createParser(text)) {
            return json.readValue(parser, OBJECT);
        } catch (StreamConstraintsException e) {
            throw new Problem("the " + name + " JSON is nested deeper than " + MAX_NESTING + " levels");
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage().split("\n", 2)[0];
            if (detail.startsWith("Duplicate field")) {
                throw new Problem("the " + name + " JSON repeats a key: " + detail);
            }
            throw new Problem("the " + name + " is not valid JSON");
        }
    }

    private static byte[] base64url(String part, String name) {
        String unpadded = part.replaceAll("=+$", "");
        for (int i = 0; i < unpadded.length(); i++) {
            char c = unpadded.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!ok) {
                String shown = c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
                throw new Problem("the " + name + " is not base64url: character " + shown + " at position " + (i + 1));
            }
        }
        if (unpadded.length() % 4 == 1) {
            throw new Problem("the " + name + " is not base64url: its length (" + unpadded.length() + ") is impossible");
        }
        try {
            return Base64.getUrlDecoder().decode(unpadded);
        } catch (IllegalArgumentException e) {
            throw new Problem("the " + name + " is not base64url");
        }
    }

    private static final java.util.Set<String> KNOWN_K8S_KEYS = java.util.Set.of("namespace", "serviceaccount", "pod",
            "node", "secret", "warnafter");

    private TokenClaims typed(Map<String, Object> claims) {
        String iss = requireText(claims, "iss", "claim");
        String sub = requireText(claims, "sub", "claim");
        List<String> aud = audiences(claims.get("aud"));
        Instant iat = numericDate(claims, "iat", "");
        Instant nbf = numericDate(claims, "nbf", "");
        Instant exp = numericDate(claims, "exp", "");
        String jti = requireText(claims, "jti", "claim");
        TokenClaims.Kubernetes k8s = null;
        Object raw = claims.get("kubernetes.io");
        if (raw != null) {
            Map<String, Object> k = map(raw, "kubernetes.io");
            k8s = new TokenClaims.Kubernetes(requireText(k, "namespace", "kubernetes.io"),
                    ref(k, "serviceaccount"), ref(k, "pod"), ref(k, "node"), ref(k, "secret"),
                    numericDate(k, "warnafter", "kubernetes.io."), unknownObjects(k));
        }
        TokenClaims.Legacy legacy = null;
        if (TokenClaims.LEGACY_ISSUER.equals(iss)) {
            legacy = new TokenClaims.Legacy(
                    requireText(claims, "kubernetes.io/serviceaccount/namespace", "claim"),
                    requireText(claims, "kubernetes.io/serviceaccount/secret.name", "claim"),
                    requireText(claims, "kubernetes.io/serviceaccount/service-account.name", "claim"),
                    requireText(claims, "kubernetes.io/serviceaccount/service-account.uid", "claim"));
        }
        return new TokenClaims(iss, sub, aud, iat, nbf, exp, jti, k8s, legacy);
    }

    /** Object-valued keys of kubernetes.io this app does not know: a binding of a newer kind, shown raw. */
    private Map<String, String> unknownObjects(Map<String, Object> k8s) {
        Map<String, String> others = new LinkedHashMap<>();
        k8s.forEach((key, value) -> {
            if (value instanceof Map<?, ?> && !KNOWN_K8S_KEYS.contains(key)) {
                try {
                    others.put(key, json.writeValueAsString(value));
                } catch (IOException e) {
                    others.put(key, String.valueOf(value));
                }
            }
        });
        return others;
    }

    private static TokenClaims.ObjectRef ref(Map<String, Object> k8s, String key) {
        Object raw = k8s.get(key);
        if (raw == null) {
            return null;
        }
        Map<String, Object> ref = map(raw, "kubernetes.io." + key);
        return new TokenClaims.ObjectRef(requireText(ref, "name", "kubernetes.io." + key),
                requireText(ref, "uid", "kubernetes.io." + key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object raw, String name) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw new Problem("claim \"" + name + "\" must be an object, not " + typeOf(raw));
        }
        return (Map<String, Object>) m;
    }

    private static List<String> audiences(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof String s) {
            return List.of(s);
        }
        if (raw instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw new Problem("claim \"aud\" must be a string or a list of strings; it holds " + typeOf(item));
                }
                result.add(s);
            }
            return result;
        }
        throw new Problem("claim \"aud\" must be a string or a list of strings, not " + typeOf(raw));
    }

    private static Instant numericDate(Map<String, Object> claims, String key, String prefix) {
        Object raw = claims.get(key);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Number number)) {
            throw new Problem("claim \"" + prefix + key + "\" must be a number of seconds since 1970 (NumericDate), not "
                    + typeOf(raw));
        }
        BigDecimal seconds = new BigDecimal(number.toString());
        // Instant's range, with room: year 1 to year 9999.
        if (seconds.compareTo(BigDecimal.valueOf(-62_135_596_800L)) < 0 || seconds.compareTo(BigDecimal.valueOf(253_402_300_799L)) > 0) {
            throw new Problem("claim \"" + prefix + key + "\" is out of range: " + number);
        }
        return Instant.ofEpochSecond(seconds.longValue());
    }

    private static String requireText(Map<String, Object> map, String key, String where) {
        Object raw = map.get(key);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String s)) {
            String name = switch (where) {
                case "header" -> "header \"" + key + "\"";
                case "claim" -> "claim \"" + key + "\"";
                default -> "claim \"" + where + "." + key + "\"";
            };
            throw new Problem(name + " must be a string, not " + typeOf(raw));
        }
        return s;
    }

    private static String typeOf(Object value) {
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return value == null ? "null" : "a string";
    }

    /** A rejection with its message; never escapes this class. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
