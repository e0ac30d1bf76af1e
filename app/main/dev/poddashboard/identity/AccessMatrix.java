package dev.poddashboard.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code kubectl access-matrix --sa}: resources × verbs for the dashboard's own identity in one namespace, from one
 * SelfSubjectRulesReview. When the API server marks that answer incomplete (an authorizer other than RBAC, or a
 * webhook, could not list its rules) or refuses it, each cell is asked with a SelfSubjectAccessReview instead:
 * at most {@link #RESOURCES} × {@link RulesTable#COLUMNS} reviews, and a namespace's matrix is reused for
 * {@link #REUSE}.
 */
public final class AccessMatrix {
    /** The rows: what a student asks about first, core group first. Group-qualified as RBAC writes them. */
    public static final List<String> RESOURCES = List.of("pods", "pods/log", "pods/exec", "events", "namespaces",
            "secrets", "configmaps", "services", "serviceaccounts", "deployments.apps", "roles.rbac.authorization.k8s.io",
            "rolebindings.rbac.authorization.k8s.io");
    static final Duration REUSE = Duration.ofSeconds(30);

    private final IdentityChecks identity;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Matrix matrix, Instant at) {
    }

    /**
     * @param incomplete true when the rules review was incomplete (the cells then come from access reviews)
     * @param source     "SelfSubjectRulesReview" or "SelfSubjectAccessReview per cell"
     * @param problem    why the rules review could not be used, or empty
     */
    public record Matrix(String namespace, boolean incomplete, String source, String problem, List<Row> rows) {
        public Matrix {
            rows = List.copyOf(rows);
        }

        public List<String> columns() {
            return RulesTable.COLUMNS;
        }
    }

    /** @param verbs verb → allowed, in the columns' order */
    public record Row(String resource, Map<String, Boolean> verbs) {
    }

    public AccessMatrix(IdentityChecks identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    public Matrix of(String namespace) {
        Cached cached = cache.get(namespace);
        if (cached != null && cached.at().plus(REUSE).isAfter(clock.instant())) {
            return cached.matrix();
        }
        Matrix matrix = build(namespace);
        if (cache.size() > 50) {
            cache.clear();
        }
        cache.put(namespace, new Cached(matrix, clock.instant()));
        return matrix;
    }

    private Matrix build(String namespace) {
        Check<RulesTable> rules = identity.rules(namespace);
        if (rules instanceof Check.Ok<RulesTable> ok && !ok.value().incomplete()) {
            return new Matrix(namespace, false, "SelfSubjectRulesReview", "", RESOURCES.stream()
                    .map(resource -> new Row(resource, cells(verb -> allows(ok.value(), resource, verb)))).toList());
        }
        String problem = rules instanceof Check.Ok<RulesTable> ok ? "the API server marked the rules review incomplete"
                + (ok.value().evaluationError().isEmpty() ? "" : ": " + ok.value().evaluationError())
                : rules.problem();
        return new Matrix(namespace, rules instanceof Check.Ok, "SelfSubjectAccessReview per cell", problem,
                RESOURCES.stream().map(resource -> new Row(resource, cells(verb -> reviewed(namespace, resource, verb)))).toList());
    }

    private static Map<String, Boolean> cells(java.util.function.Predicate<String> allowed) {
        Map<String, Boolean> cells = new LinkedHashMap<>();
        RulesTable.COLUMNS.forEach(verb -> cells.put(verb, allowed.test(verb)));
        return cells;
    }

    private boolean reviewed(String namespace, String resource, String verb) {
        return identity.canI(question(namespace, verb, resource, "")) instanceof Check.Ok<AccessAnswer> ok && ok.value().allowed();
    }

    /** "deployments.apps" or "pods/log" as a question's group, resource and subresource. */
    public static AccessQuestion question(String namespace, String verb, String resource, String name) {
        String group = "";
        String base = resource;
        int dot = resource.indexOf('.');
        if (dot > 0) {
            group = resource.substring(dot + 1);
            base = resource.substring(0, dot);
        }
        String sub = "";
        int slash = base.indexOf('/');
        if (slash > 0) {
            sub = base.substring(slash + 1);
            base = base.substring(0, slash);
        }
        return new AccessQuestion(namespace, verb, group, base, sub, name);
    }

    /** Whether a rule of the review covers the whole resource (a rule limited to resourceNames does not). */
    static boolean allows(RulesTable rules, String resource, String verb) {
        for (RulesTable.ResourceRow row : rules.resources()) {
            if (row.resourceNames().isEmpty() && row.allows(verb) && matches(row.resource(), resource)) {
                return true;
            }
        }
        return false;
    }

    /** RBAC's matching: "*" for any resource or group, "pods/*" for any subresource of pods. */
    static boolean matches(String rule, String resource) {
        String[] r = split(rule);
        String[] t = split(resource);
        boolean group = r[1].equals("*") || r[1].equals(t[1]);
        boolean name = r[0].equals("*") || r[0].equals(t[0])
                || r[0].endsWith("/*") && t[0].startsWith(r[0].substring(0, r[0].length() - 1));
        return group && name;
    }

    private static String[] split(String resource) {
        int slash = resource.indexOf('/');
        int dot = resource.indexOf('.', slash < 0 ? 0 : slash);
        return dot < 0 ? new String[] {resource, ""} : new String[] {resource.substring(0, dot), resource.substring(dot + 1)};
    }
}
