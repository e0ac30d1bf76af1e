package dev.poddashboard.web;

import dev.poddashboard.auth.Gatekeeper;
import dev.poddashboard.auth.Requirement;
import dev.poddashboard.auth.Sessions;
import dev.poddashboard.auth.Visitor;
import dev.poddashboard.identity.AccessQuestion;
import dev.poddashboard.token.TokenDecoder;
import dev.poddashboard.token.TokenDecoding;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AUTH_MODE=token: every page and API route but /healthz, /readyz, the static assets and the sign-in page needs the
 * visitor's own Kubernetes credentials (a bearer token, or the session a pasted token opened), and a
 * SubjectAccessReview allowing what the route shows: list pods for a list, get pods for a pod, get pods/log for a log,
 * list pods at the cluster scope for all namespaces, get serviceaccounts for the dashboard's own identity, get /metrics.
 * The dashboard's own service account still makes every call; the visitor's identity only gates what is shown.
 */
final class AuthGate {
    static final String SESSION_COOKIE = "pd-session";
    /** Attribute of the request: the signed-in {@link Visitor}, for the footer. */
    static final String VISITOR = "visitor";
    /** Attribute of the request: whether its visitor is still allowed (a stream asks at every ping). */
    static final String STILL_ALLOWED = "still-allowed";
    private static final Pattern POD = Pattern.compile("/(?:api/)?pods/([^/]+)(?:/yaml)?");
    private static final Pattern LOG = Pattern.compile("/(?:api/)?pods/([^/]+)/logs(?:/stream)?");

    private final Gatekeeper gatekeeper;
    private final Sessions sessions;
    private final Params params;
    private final RateLimit signIns = new RateLimit(10);

    AuthGate(Gatekeeper gatekeeper, Sessions sessions, Params params) {
        this.gatekeeper = gatekeeper;
        this.sessions = sessions;
        this.params = params;
    }

    /** A visitor not signed in: a 401, as the sign-in page (or JSON under /api), with what went wrong if anything. */
    static final class NotSignedIn extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSignedIn(String problem) {
            super(problem, null, false, false);
        }
    }

    private static boolean open(String path) {
        return path.equals("/healthz") || path.equals("/readyz") || path.equals("/login")
                || path.startsWith("/static/") || path.startsWith("/webjars/");
    }

    /** Before every request. */
    void check(Context ctx) {
        if (open(ctx.path())) {
            return;
        }
        Optional<String> bearer = bearer(ctx);
        String sessionId = ctx.cookie(SESSION_COOKIE);
        Optional<String> token = bearer.isPresent() ? bearer : sessions.token(sessionId);
        if (token.isEmpty()) {
            throw new NotSignedIn(sessionId != null ? "Your session has ended: sign in again." : "");
        }
        Gatekeeper.Authentication who = gatekeeper.authenticate(token.get());
        if (who instanceof Gatekeeper.Authentication.Rejected rejected) {
            if (bearer.isEmpty()) {
                sessions.close(sessionId);
            }
            throw new NotSignedIn("The API server no longer accepts your token: " + rejected.reason());
        }
        if (who instanceof Gatekeeper.Authentication.Unavailable unavailable) {
            throw new Refused(new ErrorView(503, "Cannot check who you are", "The dashboard could not ask "
                    + "the API server who you are: " + unavailable.reason(), List.of(), List.of(), ""));
        }
        Visitor visitor = ((Gatekeeper.Authentication.Authenticated) who).visitor();
        ctx.attribute(VISITOR, visitor);
        Requirement requirement = requirement(ctx);
        Gatekeeper.Decision decision = gatekeeper.decide(visitor, requirement);
        if (decision instanceof Gatekeeper.Decision.Refused refused) {
            throw new Refused(refusal(visitor, requirement, refused.reason()));
        }
        if (decision instanceof Gatekeeper.Decision.Unavailable unavailable) {
            throw new Refused(new ErrorView(503, "Cannot check what you may see", "The dashboard could not "
                    + "ask the API server whether you may " + requirement.describe() + ": " + unavailable.reason(),
                    List.of(), List.of(), ""));
        }
        String kept = token.get();
        ctx.attribute(STILL_ALLOWED, (java.util.function.BooleanSupplier) () -> stillAllowed(kept, bearer.isEmpty()
                ? sessionId : null, requirement));
    }

    /** For an open stream: the session still open, the token still accepted, the permission still granted. */
    private boolean stillAllowed(String token, String sessionId, Requirement requirement) {
        if (sessionId != null && sessions.token(sessionId).isEmpty()) {
            return false;
        }
        return gatekeeper.authenticate(token) instanceof Gatekeeper.Authentication.Authenticated who
                && gatekeeper.decide(who.visitor(), requirement) instanceof Gatekeeper.Decision.Allowed;
    }

    /** What this route shows, as the permission a visitor needs to see it. */
    Requirement requirement(Context ctx) {
        String path = ctx.path();
        String namespace = params.namespace(ctx);
        if (path.equals("/") || path.equals("/api/pods") || path.startsWith("/api/pods/events")) {
            boolean all = Params.flag(ctx, "all-namespaces");
            return resource(all ? "" : namespace, "list", "pods", "", "");
        }
        Matcher log = LOG.matcher(path);
        if (log.matches()) {
            return resource(namespace, "get", "pods", "log", log.group(1));
        }
        Matcher pod = POD.matcher(path);
        if (pod.matches()) {
            return resource(namespace, "get", "pods", "", pod.group(1));
        }
        if (path.equals("/token") || path.equals("/api/token") || path.equals("/access") || path.equals("/api/access")) {
            return resource(params.defaultNamespace(), "get", "serviceaccounts", "", "");
        }
        if (path.equals("/metrics")) {
            return new Requirement.NonResource("/metrics", "get");
        }
        return new Requirement.SignedIn();
    }

    private static Requirement resource(String namespace, String verb, String resource, String subresource, String name) {
        return new Requirement.Resource(new AccessQuestion(namespace, verb, "", resource, subresource, name));
    }

    static ErrorView refusal(Visitor visitor, Requirement requirement, String reason) {
        List<ErrorView.Fact> facts = new java.util.ArrayList<>(List.of(new ErrorView.Fact("User", visitor.username())));
        List<String> commands = new java.util.ArrayList<>(List.of(requirement.canI(visitor)));
        if (requirement instanceof Requirement.Resource r) {
            AccessQuestion q = r.question();
            facts.add(new ErrorView.Fact("Verb", q.verb()));
            facts.add(new ErrorView.Fact("Resource", q.resourceArg() + (q.name().isEmpty() ? "" : " " + q.name())));
            facts.add(new ErrorView.Fact("Namespace", q.namespace().isEmpty() ? "(all namespaces)" : q.namespace()));
            commands.addAll(AccessController.grant(q, visitor.username()));
        } else if (requirement instanceof Requirement.NonResource n) {
            facts.add(new ErrorView.Fact("Verb", n.verb()));
            facts.add(new ErrorView.Fact("URL", n.path()));
        }
        return new ErrorView(403, "Not allowed for you", visitor.username() + " may not " + requirement.describe()
                + ", so the dashboard does not show it to you" + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")")
                + ". The API server decided, with the same RBAC that kubectl meets: the first command below asks it the "
                + "same question, and the others would grant exactly this.", facts, commands, "");
    }

    /** {@code Authorization: Bearer …}, as an API client sends it. */
    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    void signInPage(Context ctx) {
        render(ctx, 200, "", ctx.queryParam("next"));
    }

    /** {@code POST /login}: a pasted token, reviewed; its session in an HttpOnly, SameSite=Strict cookie. */
    void signIn(Context ctx) {
        signIns.take(ctx);
        String next = ctx.formParam("next");
        String raw = ctx.formParam("token");
        if (raw == null || raw.isBlank()) {
            render(ctx, 400, "Paste a token: kubectl create token <service-account>, or your kubeconfig user's token.", next);
            return;
        }
        String token = TokenDecoder.normalize(raw);
        if (token.length() > TokenDecoder.MAX_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            render(ctx, 400, "That is not a bearer token: at most 16 KiB of printable characters without spaces.", next);
            return;
        }
        Gatekeeper.Authentication who = gatekeeper.authenticate(token);
        if (who instanceof Gatekeeper.Authentication.Rejected rejected) {
            render(ctx, 401, "The API server did not accept this token: " + rejected.reason(), next);
            return;
        }
        if (who instanceof Gatekeeper.Authentication.Unavailable unavailable) {
            render(ctx, 503, "The dashboard could not ask the API server who this is: " + unavailable.reason(), next);
            return;
        }
        TokenDecoding decoded = new TokenDecoder().decode(token);
        java.time.Instant exp = decoded instanceof TokenDecoding.Decoded d && d.typed().expiresAt() != null
                ? d.typed().expiresAt() : null;
        Sessions.Opened session = sessions.open(token, exp);
        sessionCookie(ctx, session.id(), (int) Math.max(1, session.maxAge().toSeconds()));
        ctx.redirect(safeNext(next), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** {@code POST /logout}: the session is forgotten and its cookie cleared. */
    void signOut(Context ctx) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        sessionCookie(ctx, "", 0);
        ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The session's cookie; Secure when the visitor came over HTTPS (directly or through a proxy that says so). */
    private static void sessionCookie(Context ctx, String id, int maxAgeSeconds) {
        Cookie cookie = Cookies.strict(SESSION_COOKIE, id);
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setSecure(secure(ctx));
        ctx.cookie(cookie);
    }

    /** The 401: the sign-in page in the layout, or JSON with WWW-Authenticate under /api. */
    static void notSignedIn(NotSignedIn e, Context ctx) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"pod-dashboard\"");
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/metrics")) {
            ErrorPages.respond(ctx, ErrorView.simple(401, "Sign in", (e.getMessage().isEmpty() ? "" : e.getMessage() + " ")
                    + "Send your Kubernetes token as Authorization: Bearer <token>, or sign in at /login."));
            return;
        }
        String next = ctx.method().name().equals("GET") ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : "/";
        render(ctx, 401, e.getMessage(), next);
    }

    private static void render(Context ctx, int status, String problem, String next) {
        ctx.status(status);
        Map<String, Object> model = new HashMap<>();
        model.put("problem", problem == null ? "" : problem);
        model.put("next", safeNext(next));
        model.put("commands", List.of("kubectl create token <your-service-account> -n <namespace> --duration=1h",
                "kubectl config view --raw --minify -o jsonpath='{.users[0].user.token}'"));
        ctx.header("Cache-Control", "no-store");
        ctx.render("auth/login", model);
    }

    /** Only a path of this dashboard: never another site ("//evil.example", "https://…"). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 2000
                || next.startsWith("/login") || next.chars().anyMatch(c -> c < ' ')) {
            return "/";
        }
        return next;
    }

    private static boolean secure(Context ctx) {
        return ctx.scheme().equals("https") || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
