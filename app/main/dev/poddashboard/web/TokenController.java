package dev.poddashboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.identity.Check;
import dev.poddashboard.identity.IdentityChecks;
import dev.poddashboard.identity.RulesTable;
import dev.poddashboard.identity.TokenReviewResult;
import dev.poddashboard.identity.UserInfo;
import dev.poddashboard.token.Audience;
import dev.poddashboard.token.Deletion;
import dev.poddashboard.token.Relative;
import dev.poddashboard.token.SignatureCheck;
import dev.poddashboard.token.TokenDecoder;
import dev.poddashboard.token.TokenDecoding;
import dev.poddashboard.token.TokenHistory;
import dev.poddashboard.token.TokenTimeline;
import dev.poddashboard.token.TokenInspection;
import dev.poddashboard.token.TokenInspector;
import dev.poddashboard.token.TokenRead;
import dev.poddashboard.token.TokenSource;
import dev.poddashboard.token.TokenView;
import dev.poddashboard.version.KubeVersion;
import dev.poddashboard.version.ServerFacts;
import dev.poddashboard.version.ServerVersion;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /token}: the token this pod uses, decoded, explained and checked; {@code /token/decode}: any pasted
 * token. Every response here is {@code Cache-Control: no-store}, and no raw token or signature is ever in one.
 */
final class TokenController {
    private static final String DECODE_COMMAND = "kubectl create token dashboard-sa -n dashboard"
            + " | jq -R 'split(\".\") | .[0:2] | map(gsub(\"-\";\"+\") | gsub(\"_\";\"/\") | @base64d | fromjson)'";
    private final TokenSource tokens;
    private final TokenHistory history;
    private final TokenInspector inspector;
    private final IdentityChecks identity;
    private final ServerVersion version;
    private final String namespace;
    private final Clock clock;
    private final ObjectMapper mapper;

    private final RateLimit questions;

    /** @param questions shared with the other routes that ask the API server for whoever asks (a TokenReview here) */
    TokenController(Services services, String namespace, Clock clock, ObjectMapper mapper, RateLimit questions) {
        this.questions = questions;
        this.tokens = services.tokens();
        this.history = services.history();
        this.inspector = services.inspector();
        this.identity = services.identity();
        this.version = services.version();
        this.namespace = namespace;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** The mounted file, without its content. */
    record TokenFile(String path, int length, String modified, String modifiedRelative) {
    }

    /**
     * Everything {@code /token} shows. Fields that do not apply are null.
     *
     * @param state "mounted", "not-mounted", "not-applicable" or "malformed"
     */
    record TokenPage(String state, String explanation, TokenRead.Directory directory, TokenFile file, TokenView token,
                     String malformed, SignatureCheck signature, Check<TokenReviewResult> review,
                     Check<UserInfo> whoAmI, Check<RulesTable> rules, Map<String, String> commands,
                     Map<String, Object> header, Map<String, Object> payload, TokenTimeline timeline,
                     List<TokenHistory.Entry> history, String rotations, ServerFacts server) {
    }

    /**
     * The result of {@code /token/decode}.
     *
     * @param audiences    what the TokenReview was asked for (empty: the API server's own audience)
     * @param audienceNote why the review accepted or rejected the token for that audience, or empty
     */
    record DecodePage(TokenView token, SignatureCheck signature, Check<TokenReviewResult> review, List<String> audiences,
                      String audienceNote, String reviewCommand, ServerFacts server) {
    }

    void page(Context ctx) {
        noStore(ctx);
        ctx.render("token/page", Map.of("page", mountedPage()));
    }

    void json(Context ctx) {
        noStore(ctx);
        ctx.json(mountedPage());
    }

    private TokenPage mountedPage() {
        KubeVersion server = version.current();
        ServerFacts facts = ServerFacts.about(server, ServerFacts.TOKENS);
        TokenRead read = tokens.read();
        history.observe(read);
        Check<UserInfo> whoAmI = identity.whoAmI();
        Check<RulesTable> rules = identity.rules(namespace);
        if (read instanceof TokenRead.NotApplicable na) {
            return new TokenPage("not-applicable", na.explanation(), null, null, null, null, null, null, whoAmI, rules,
                    commands(null), null, null, null, List.of(), "", facts);
        }
        if (read instanceof TokenRead.NotMounted nm) {
            return new TokenPage("not-mounted", "There is no token file in " + nm.directory().path()
                    + ". The pod spec (or its ServiceAccount) says automountServiceAccountToken: false, so the kubelet "
                    + "mounted no credentials: this pod cannot authenticate to the API server.", nm.directory(), null,
                    null, null, null, null, whoAmI, rules, commands(null), null, null, null, history.entries(), "", facts);
        }
        TokenRead.Mounted mounted = (TokenRead.Mounted) read;
        TokenFile file = new TokenFile(java.nio.file.Path.of(mounted.directory().path()).resolve("token").toString(), mounted.raw().length(),
                DateTimeFormatter.ISO_INSTANT.format(mounted.modified()), Relative.from(mounted.modified(), clock.instant()));
        TokenInspection inspection = inspector.inspect(mounted.raw(), server);
        if (inspection instanceof TokenInspection.Rejected rejected) {
            return new TokenPage("malformed", "The token file is not a usable JWT.", mounted.directory(), file, null,
                    rejected.reason(), null, null, whoAmI, rules, commands(null), null, null, null, history.entries(), "", facts);
        }
        TokenInspection.Inspected inspected = (TokenInspection.Inspected) inspection;
        Check<TokenReviewResult> review = identity.review(mounted.raw(), List.of());
        TokenDecoding.Decoded decoded = inspected.decoded();
        return new TokenPage("mounted", "", mounted.directory(), file, inspected.view(), null, inspected.signature(),
                review, whoAmI, rules, commands(inspected.view()), decoded.header(), decoded.claims(),
                decoded.typed() == null ? null : TokenTimeline.of(decoded.typed(), clock.instant()), history.entries(),
                rotations(history.entries()), facts);
    }

    /** "rotated 10:48:12 (every ~48 min)", from the tokens seen since start-up; empty before the first rotation. */
    static String rotations(List<TokenHistory.Entry> entries) {
        if (entries.size() < 2) {
            return "";
        }
        TokenHistory.Entry last = entries.get(entries.size() - 1);
        Instant at = last.fileModified() != null ? last.fileModified() : last.seenAt();
        String text = "rotated " + DateTimeFormatter.ISO_LOCAL_TIME.format(at.atZone(java.time.ZoneOffset.UTC)
                .toLocalTime().withNano(0)) + " UTC";
        TokenHistory.Entry first = entries.get(0);
        if (first.iat() != null && last.iat() != null) {
            long seconds = java.time.Duration.between(first.iat(), last.iat()).toSeconds() / (entries.size() - 1);
            text += " (every ~" + (seconds < 120 ? seconds + " s" : seconds / 60 + " min") + ")";
        }
        return text;
    }

    void decodeForm(Context ctx) {
        noStore(ctx);
        ctx.render("token/decode", formModel(Map.of()));
    }

    private Map<String, Object> formModel(Map<String, Object> more) {
        Map<String, Object> model = new java.util.HashMap<>(more);
        model.put("maxLength", TokenDecoder.MAX_LENGTH);
        model.put("maxAudience", Audience.MAX_LENGTH);
        model.put("command", DECODE_COMMAND);
        model.put("server", ServerFacts.about(version.current(), ServerFacts.TOKENS));
        return model;
    }

    void decode(Context ctx) {
        noStore(ctx);
        String token = ctx.formParam("token"); // the body read first: a refusal must not leave it unread
        String audience = ctx.formParam("audience");
        questions.take(ctx);
        try {
            DecodePage result = decoded(token, audience);
            ctx.render("token/decode", formModel(Map.of("result", result, "audience",
                    String.join(",", result.audiences()))));
        } catch (BadRequest e) {
            // Back to the form, with the precise message; the pasted text is not echoed back.
            ctx.status(400);
            ctx.render("token/decode", formModel(Map.of("problem", e.getMessage())));
        }
    }

    /** {@code POST /api/token/decode}: {"token": "...", "audience": "..."} as JSON, or form fields. */
    void decodeJson(Context ctx) {
        noStore(ctx);
        ctx.body(); // read first (a body over the limit is a 413): a refusal must not leave it unread
        questions.take(ctx);
        String token;
        String audience;
        String contentType = ctx.contentType() == null ? "" : ctx.contentType();
        if (contentType.startsWith("application/json")) {
            PastedToken pasted = PastedToken.fromJson(mapper, ctx.body());
            token = pasted.token();
            audience = pasted.audience();
        } else {
            token = ctx.formParam("token");
            audience = ctx.formParam("audience");
        }
        ctx.json(decoded(token, audience));
    }

    private DecodePage decoded(String token, String audience) {
        if (token == null) {
            throw new BadRequest("no token: paste one into the form field \"token\"");
        }
        List<String> audiences = PastedToken.audiences(audience);
        KubeVersion server = version.current();
        TokenInspection inspection = inspector.inspect(token, server);
        if (inspection instanceof TokenInspection.Rejected rejected) {
            throw new BadRequest("This is not a token the dashboard can decode: " + rejected.reason() + ".");
        }
        TokenInspection.Inspected inspected = (TokenInspection.Inspected) inspection;
        Check<TokenReviewResult> review = identity.review(TokenDecoder.normalize(token), audiences);
        String note = review instanceof Check.Ok<TokenReviewResult> ok ? Audience.explain(
                inspected.decoded().typed().audiences(), audiences, ok.value().authenticated(), ok.value().error()) : "";
        return new DecodePage(inspected.view(), inspected.signature(), review, audiences, note,
                Deletion.reviewCommand(audiences), ServerFacts.about(server, ServerFacts.TOKENS));
    }

    private Map<String, String> commands(TokenView view) {
        String sa = view != null && view.serviceAccount() != null ? view.serviceAccount() : namespace + "/dashboard-sa";
        String saNs = sa.substring(0, sa.indexOf('/'));
        String saName = sa.substring(sa.indexOf('/') + 1);
        String pod = view != null && view.binding().kind() == dev.poddashboard.token.Binding.Kind.POD
                ? view.binding().kubectlRef() : "deploy/pod-dashboard";
        String dir = "/var/run/secrets/kubernetes.io/serviceaccount";
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("ls", "kubectl exec -n " + saNs + " " + pod + " -- ls -la " + dir);
        commands.put("decode", "kubectl exec -n " + saNs + " " + pod + " -- cat " + dir + "/token"
                + " | jq -R 'split(\".\") | .[0:2] | map(gsub(\"-\";\"+\") | gsub(\"_\";\"/\") | @base64d | fromjson)'");
        commands.put("create", "kubectl create token " + saName + " -n " + saNs
                + " --bound-object-kind=Pod --bound-object-name=" + pod.substring(pod.indexOf('/') + 1));
        commands.put("ca", "kubectl get configmap kube-root-ca.crt -n " + saNs
                + " -o jsonpath='{.data.ca\\.crt}' | openssl x509 -noout -subject -issuer -dates");
        commands.put("oidc", "kubectl get --raw /.well-known/openid-configuration; kubectl get --raw /openid/v1/jwks");
        commands.put("review", "kubectl create -o yaml -f - <<EOF\napiVersion: authentication.k8s.io/v1\nkind: TokenReview\n"
                + "spec:\n  token: $(kubectl create token " + saName + " -n " + saNs + ")\nEOF");
        commands.put("whoami", "kubectl auth whoami --token=\"$(kubectl create token " + saName + " -n " + saNs + ")\"");
        commands.put("can-i", "kubectl auth can-i --list -n " + namespace + " --as=system:serviceaccount:" + saNs + ":" + saName);
        return commands;
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
