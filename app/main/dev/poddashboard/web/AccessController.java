package dev.poddashboard.web;

import dev.poddashboard.identity.AccessAnswer;
import dev.poddashboard.identity.AccessMatrix;
import dev.poddashboard.identity.AccessQuestion;
import dev.poddashboard.identity.Check;
import dev.poddashboard.identity.IdentityChecks;
import dev.poddashboard.identity.UserInfo;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /access}: what the dashboard's own identity may do, as a matrix ({@code kubectl access-matrix --sa}) and
 * as single questions ({@code kubectl auth can-i}); {@code /api/access} and {@code /api/access/can-i} answer JSON.
 * Questions are validated and rate-limited per client: each one is a request to the API server.
 */
final class AccessController {
    static final Set<String> VERBS = Set.of("get", "list", "watch", "create", "update", "patch", "delete",
            "deletecollection", "impersonate", "bind", "escalate", "use", "approve", "sign", "*");
    private static final Pattern RESOURCE = Pattern.compile("[a-z0-9*][a-z0-9-]{0,62}(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern SUBRESOURCE = Pattern.compile("[a-z]{1,40}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private final IdentityChecks identity;
    private final AccessMatrix matrix;
    private final Params params;
    private final RateLimit limit;

    AccessController(IdentityChecks identity, AccessMatrix matrix, Params params, RateLimit limit) {
        this.identity = identity;
        this.matrix = matrix;
        this.params = params;
        this.limit = limit;
    }

    /** The answer to one question, with the kubectl command that asks it and, for a denial, the grant. */
    record CanI(AccessQuestion question, boolean allowed, String reason, String kubectl, List<String> grant) {
    }

    void page(Context ctx) {
        String namespace = params.namespace(ctx);
        limit.take(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("matrix", matrix.of(namespace));
        model.put("namespace", namespace);
        model.put("verbs", VERBS.stream().filter(v -> !v.equals("*")).sorted().toList());
        model.put("who", who());
        model.put("matrixCommand", "kubectl auth can-i --list -n " + namespace + " --as=" + who());
        Optional<AccessQuestion> asked = question(ctx, namespace);
        asked.ifPresent(q -> model.put("answer", answer(q)));
        model.put("asked", asked.orElse(new AccessQuestion(namespace, "get", "", "pods", "", "")));
        ctx.render("access", model);
    }

    void matrixJson(Context ctx) {
        String namespace = params.namespace(ctx);
        limit.take(ctx);
        ctx.json(matrix.of(namespace));
    }

    void canIJson(Context ctx) {
        String namespace = params.namespace(ctx);
        AccessQuestion q = question(ctx, namespace).orElseThrow(() ->
                new BadRequest("ask with verb and resource, e.g. ?verb=get&resource=pods&subresource=log&namespace=" + namespace));
        limit.take(ctx);
        ctx.json(answer(q));
    }

    private Optional<AccessQuestion> question(Context ctx, String namespace) {
        String verb = trimmed(ctx.queryParam("verb"));
        String resource = trimmed(ctx.queryParam("resource"));
        if (verb.isEmpty() && resource.isEmpty()) {
            return Optional.empty();
        }
        if (!VERBS.contains(verb)) {
            throw new BadRequest("verb must be one of " + String.join(", ", VERBS.stream().sorted().toList()));
        }
        String subresource = trimmed(ctx.queryParam("subresource"));
        if (resource.contains("/") && subresource.isEmpty()) {
            subresource = resource.substring(resource.indexOf('/') + 1);
            resource = resource.substring(0, resource.indexOf('/'));
        }
        if (!RESOURCE.matcher(resource).matches()) {
            throw new BadRequest("resource must be a resource name such as pods, secrets or deployments.apps");
        }
        if (!subresource.isEmpty() && !SUBRESOURCE.matcher(subresource).matches()) {
            throw new BadRequest("subresource must be a word such as log, exec or status");
        }
        String name = trimmed(ctx.queryParam("name"));
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            throw new BadRequest("name must be an object name (lower-case letters, digits, '-' and '.', at most 253)");
        }
        AccessQuestion q = AccessMatrix.question(namespace, verb, resource, name);
        return Optional.of(new AccessQuestion(namespace, verb, q.group(), q.resource(), subresource, name));
    }

    private CanI answer(AccessQuestion q) {
        Check<AccessAnswer> check = identity.canI(q);
        String who = who();
        String kubectl = "kubectl auth can-i " + q.asked() + " -n " + q.namespace() + " --as=" + who;
        if (check instanceof Check.Ok<AccessAnswer> ok) {
            List<String> grant = ok.value().allowed() ? List.of() : grant(q, who);
            String reason = !ok.value().reason().isEmpty() ? ok.value().reason() : ok.value().allowed() ? ""
                    : "no Role or ClusterRole bound to " + who + " allows it (RBAC denies what nothing allows)";
            return new CanI(q, ok.value().allowed(), reason, kubectl, grant);
        }
        if (check instanceof Check.Denied<AccessAnswer> denied) {
            throw new dev.poddashboard.cluster.ClusterException.Forbidden(
                    dev.poddashboard.cluster.ApiStatus.of(403, denied.explanation()));
        }
        throw new dev.poddashboard.cluster.ClusterException.ApiError(dev.poddashboard.cluster.ApiStatus.of(502,
                "the SelfSubjectAccessReview got no answer: " + ((Check.Unavailable<AccessAnswer>) check).reason()));
    }

    /**
     * A Role and RoleBinding that allow exactly this: the one verb, the resource, the name if one was given; for a
     * question without a namespace (all namespaces) a ClusterRole and ClusterRoleBinding, the only grant that reaches
     * every namespace.
     */
    static List<String> grant(AccessQuestion q, String who) {
        String subject = who.startsWith("system:serviceaccount:")
                ? "--serviceaccount=" + who.substring("system:serviceaccount:".length()) : "--user=" + who;
        if (q.namespace().isEmpty()) {
            String clusterRole = q.verb() + "-" + q.resource() + "-everywhere";
            return List.of("kubectl create clusterrole " + clusterRole + " --verb=" + q.verb() + " --resource=" + q.resourceArg(),
                    "kubectl create clusterrolebinding " + clusterRole + "-" + who.replaceAll("[^a-z0-9-]", "-")
                            + " --clusterrole=" + clusterRole + " " + subject);
        }
        String role = ("can-" + (q.verb().equals("*") ? "all" : q.verb()) + "-" + q.resource()
                + (q.subresource().isEmpty() ? "" : "-" + q.subresource())).replace('.', '-');
        String binding = (who.startsWith("system:serviceaccount:") ? who.substring(who.lastIndexOf(':') + 1) : "user")
                + "-" + role;
        return List.of("kubectl create role " + role + " --verb=" + q.verb() + " --resource=" + q.resourceArg()
                        + (q.name().isEmpty() ? "" : " --resource-name=" + q.name()) + " -n " + q.namespace(),
                "kubectl create rolebinding " + binding + " --role=" + role + " " + subject + " -n " + q.namespace());
    }

    private String who() {
        Check<UserInfo> me = identity.whoAmI();
        return me instanceof Check.Ok<UserInfo> ok && !ok.value().username().isEmpty() ? ok.value().username()
                : "system:serviceaccount:" + params.defaultNamespace() + ":dashboard-sa";
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
