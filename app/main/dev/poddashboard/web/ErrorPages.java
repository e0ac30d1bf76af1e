package dev.poddashboard.web;

import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.RbacDenial;
import dev.poddashboard.logs.LogProblem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: each kind gets a status, a title and a sentence, as an HTML
 * page in the layout or as JSON under {@code /api}. Kubernetes' 401 and 403 pass through as 401 and 403. Only
 * unexpected errors are logged with a stack trace, and no stack trace ever reaches a response.
 */
final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    static final String NO_AUTOMOUNT_YAML = """
            apiVersion: v1
            kind: Pod
            spec:
              serviceAccountName: dashboard-sa
              automountServiceAccountToken: false   # remove this line (or set it to true) to get the token back
            """;

    private ErrorPages() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(BadRequest.class, (e, ctx) -> respond(ctx,
                ErrorView.simple(400, "Bad request", e.getMessage())));
        routes.exception(RateLimit.TooManyRequests.class, (e, ctx) -> respond(ctx,
                ErrorView.simple(429, "Too many requests", e.getMessage())));
        routes.exception(TooManyStreams.class, (e, ctx) -> {
            ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            respond(ctx, e.view(), Map.of("limit", e.limit().label(), "retryAfterSeconds", e.retryAfterSeconds()));
        });
        routes.exception(ClusterException.class, (e, ctx) -> respond(ctx, view(e)));
        routes.exception(Refused.class, (e, ctx) -> respond(ctx, e.view()));
        routes.exception(LogProblem.class, (e, ctx) -> respond(ctx, view(e)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, ErrorView.simple(500, "Something went wrong",
                    "The dashboard hit an unexpected error. It has been logged; the dashboard keeps serving."));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                respond(ctx, ErrorView.simple(404, "Page not found",
                        "There is no page at " + ctx.path() + ". The pod list is at /."));
            }
        });
        routes.error(413, ctx -> respond(ctx, ErrorView.simple(413, "Request too large",
                "The request body is larger than " + WebServer.MAX_REQUEST_BYTES / 1024 + " KiB. A token is at most 16 KiB.")));
        routes.error(405, ctx -> respond(ctx, ErrorView.simple(405, "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path() + ".")));
    }

    static void respond(Context ctx, ErrorView view) {
        respond(ctx, view, Map.of());
    }

    /** @param more fields beside "error" in the JSON answer (which limit a 429 reached, say) */
    static void respond(Context ctx, ErrorView view, Map<String, Object> more) {
        ctx.status(view.status());
        if (ctx.path().startsWith("/api/")) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(more);
            body.put("error", view);
            ctx.json(body);
            return;
        }
        try {
            ctx.render("error", Map.of("error", view));
        } catch (RuntimeException renderingFailed) {
            // Last resort when the error page itself cannot render: plain, escaped, still no stack trace.
            LOG.error("error page failed to render", renderingFailed);
            ctx.contentType("text/plain; charset=utf-8").result(view.status() + " " + view.title() + "\n" + view.message());
        }
    }

    /** The page for a failure the user can act on (a log refusal or the API server's answer); empty for a bug. */
    static java.util.Optional<ErrorView> known(RuntimeException e) {
        if (e instanceof LogProblem problem) {
            return java.util.Optional.of(view(problem));
        }
        return e instanceof ClusterException cluster ? java.util.Optional.of(view(cluster)) : java.util.Optional.empty();
    }

    static ErrorView view(LogProblem e) {
        return switch (e.kind()) {
            case NO_PREVIOUS -> new ErrorView(404, "No previous container", e.getMessage(), List.of(), e.commands(), "");
            case NO_CONTAINER -> new ErrorView(404, "No such container", e.getMessage(), List.of(), e.commands(), "");
            case NOT_STARTED -> new ErrorView(409, "The container has not started", e.getMessage(), List.of(), e.commands(), "");
            case KUBELET_UNREACHABLE -> new ErrorView(502, "The kubelet did not give the log", e.getMessage(), List.of(),
                    e.commands(), "");
        };
    }

    static ErrorView view(ClusterException e) {
        if (e instanceof ClusterException.Unauthorized) {
            return new ErrorView(401, "The API server rejected the token",
                    "The API server answered 401 Unauthorized: it did not accept the bearer token. The token has "
                            + "expired, was revoked (its ServiceAccount or bound pod was deleted), or was issued by "
                            + "another cluster. In a pod the kubelet rotates the mounted token and the dashboard "
                            + "re-reads it, so this clears by itself once a valid token is mounted.",
                    List.of(new ErrorView.Fact("API server says", e.getMessage())),
                    List.of("kubectl auth whoami", "kubectl create token dashboard-sa -n <namespace>"), "");
        }
        if (e instanceof ClusterException.Forbidden forbidden) {
            return forbidden(forbidden);
        }
        if (e instanceof ClusterException.NotFound) {
            return new ErrorView(404, "Not found", "The API server has no such object: " + e.getMessage() + ".",
                    List.of(), List.of("kubectl get pods"), "");
        }
        if (e instanceof ClusterException.Unreachable unreachable) {
            LOG.warn("API server {} unreachable: {}", unreachable.server(), e.getMessage());
            return new ErrorView(503, "API server unreachable",
                    "The dashboard could not reach the Kubernetes API server at " + unreachable.server()
                            + ". It may be restarting, or a NetworkPolicy may block the pod's egress. The dashboard "
                            + "keeps serving and tries again on the next request.",
                    List.of(new ErrorView.Fact("API server", unreachable.server()),
                            new ErrorView.Fact("Error", e.getMessage())),
                    List.of("kubectl cluster-info", "kubectl get --raw /readyz"), "");
        }
        if (e instanceof ClusterException.TlsFailure tls) {
            LOG.warn("TLS to API server {} failed: {}", tls.server(), e.getMessage());
            return new ErrorView(502, "The API server's certificate is not trusted",
                    "The TLS handshake with " + tls.server() + " failed: its certificate is not signed by the CA "
                            + "the dashboard trusts (ca.crt in the service-account directory, or the kubeconfig's "
                            + "certificate-authority). The dashboard never skips this check.",
                    List.of(new ErrorView.Fact("API server", tls.server()), new ErrorView.Fact("Error", e.getMessage())),
                    List.of("kubectl get configmap kube-root-ca.crt -o jsonpath='{.data.ca\\.crt}' | openssl x509 -noout -subject -issuer"),
                    "");
        }
        if (e instanceof ClusterException.NoTokenMounted noToken) {
            return new ErrorView(503, "No service-account token is mounted",
                    "This pod runs without a service-account token: there is no file at " + noToken.tokenFile()
                            + ". That is what automountServiceAccountToken: false in the pod spec (or in its "
                            + "ServiceAccount) does. Without a token the pod cannot prove who it is, so the API "
                            + "server would treat it as system:anonymous. The dashboard keeps running; mount the token "
                            + "to see pods.",
                    List.of(new ErrorView.Fact("Token file", noToken.tokenFile().toString())),
                    List.of("kubectl get pod <this-pod> -o jsonpath='{.spec.automountServiceAccountToken}'",
                            "kubectl get serviceaccount dashboard-sa -o jsonpath='{.automountServiceAccountToken}'"),
                    NO_AUTOMOUNT_YAML);
        }
        ClusterException.ApiError api = (ClusterException.ApiError) e;
        LOG.warn("API server answered {}: {}", api.status().code(), api.status().message());
        return new ErrorView(502, "The API server answered with an error",
                "The API server answered " + api.status().code() + " " + api.status().reason() + ": "
                        + api.status().message(),
                List.of(), List.of(), "");
    }

    private static ErrorView forbidden(ClusterException.Forbidden e) {
        RbacDenial denial = e.denial().orElse(null);
        if (denial == null) {
            return new ErrorView(403, "Forbidden", "The API server refused the request: " + e.getMessage(),
                    List.of(), List.of("kubectl auth can-i --list"), "");
        }
        List<ErrorView.Fact> facts = new ArrayList<>();
        String who = denial.serviceAccount().map(sa -> "ServiceAccount " + sa.replace(':', '/')).orElse("User " + denial.user());
        facts.add(new ErrorView.Fact(denial.serviceAccount().isPresent() ? "Service account" : "User",
                denial.serviceAccount().orElse(denial.user())));
        facts.add(new ErrorView.Fact("Verb", denial.verb()));
        facts.add(new ErrorView.Fact("Resource", denial.apiGroup().isEmpty() ? denial.resource()
                : denial.resource() + "." + denial.apiGroup()));
        facts.add(new ErrorView.Fact("Namespace", denial.namespace().orElse("(cluster scope)")));
        String where = denial.namespace().map(ns -> "in namespace " + ns).orElse("at the cluster scope");
        List<String> commands = new ArrayList<>();
        commands.add(denial.canICommand());
        commands.addAll(denial.grantCommands());
        return new ErrorView(403, "Forbidden by RBAC",
                who + " may not " + denial.verb() + " " + denial.resource() + " " + where + ". The API server "
                        + "authenticated the token but no Role or ClusterRole bound to it allows this. The commands "
                        + "below ask the same question and would grant exactly this access." + lesson(denial),
                facts, commands, "");
    }

    /** The kustomize component of k8s-manifests/ that teaches (and grants) exactly this, when there is one. */
    static String lesson(RbacDenial denial) {
        String component;
        String what;
        if (denial.resource().equals("pods/log")) {
            component = "components/logs";
            what = "It grants get on pods/log in the dashboard's namespace: the logs lesson.";
        } else if (denial.namespace().isEmpty() && List.of("pods", "namespaces", "events").contains(denial.resource())) {
            component = "components/cluster-wide";
            what = "A Role only ever grants inside its own namespace; reading " + denial.resource() + " across all "
                    + "namespaces needs a ClusterRole and a ClusterRoleBinding, which is what it adds.";
        } else if (denial.resource().equals("tokenreviews")) {
            component = "components/token-review";
            what = "It binds the ClusterRole system:auth-delegator.";
        } else {
            return "";
        }
        return " With the project's manifests: add " + component + " under components: in "
                + "k8s-manifests/kustomization.yaml and run kubectl apply -k k8s-manifests/. " + what;
    }
}
