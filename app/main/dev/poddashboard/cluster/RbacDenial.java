package dev.poddashboard.cluster;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who was refused what, read from the message of a 403 {@code Status}. The RBAC authorizer words it as
 * {@code pods is forbidden: User "system:serviceaccount:ns:sa" cannot list resource "pods" in API group ""
 * in the namespace "other"} (or {@code at the cluster scope}).
 *
 * @param user      the user name as the API server saw it
 * @param verb      get, list, watch, create ...
 * @param resource  the resource, with its subresource when there is one (pods/log)
 * @param apiGroup  "" for the core group
 * @param namespace empty at the cluster scope
 */
public record RbacDenial(String user, String verb, String resource, String apiGroup, Optional<String> namespace) {

    private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";
    private static final Pattern MESSAGE = Pattern.compile(
            "User \"(?<user>[^\"]*)\" cannot (?<verb>\\S+) resource \"(?<resource>[^\"]*)\""
                    + "(?: in API group \"(?<group>[^\"]*)\")?"
                    + "(?: in the namespace \"(?<ns>[^\"]*)\"| at the cluster scope)?");

    public static Optional<RbacDenial> parse(String message) {
        Matcher m = MESSAGE.matcher(message == null ? "" : message);
        if (!m.find()) {
            return Optional.empty();
        }
        String group = m.group("group") == null ? "" : m.group("group");
        return Optional.of(new RbacDenial(m.group("user"), m.group("verb"), m.group("resource"), group,
                Optional.ofNullable(m.group("ns"))));
    }

    /** The service account as {@code namespace:name}, when the user is one. */
    public Optional<String> serviceAccount() {
        if (!user.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            return Optional.empty();
        }
        String rest = user.substring(SERVICE_ACCOUNT_PREFIX.length());
        return rest.contains(":") ? Optional.of(rest) : Optional.empty();
    }

    /** The kubectl commands that would grant exactly this access (a Role in a namespace, a ClusterRole otherwise). */
    public java.util.List<String> grantCommands() {
        String subject = serviceAccount().map(sa -> "--serviceaccount=" + sa).orElse("--user=" + user);
        String baseName = resource.replace('/', '-') + "-reader";
        // A reader of a resource wants all three read verbs; a subresource (pods/log) is only ever read with get.
        boolean read = "list".equals(verb) || "watch".equals(verb) || "get".equals(verb);
        String verbs = read && !resource.contains("/") ? "get,list,watch" : verb;
        String resourceArg = apiGroup.isEmpty() ? resource : resource + "." + apiGroup;
        String bindingName = serviceAccount().map(sa -> sa.substring(sa.indexOf(':') + 1)).orElse("user") + "-" + baseName;
        if (namespace.isPresent()) {
            String ns = namespace.get();
            return java.util.List.of(
                    "kubectl create role " + baseName + " --verb=" + verbs + " --resource=" + resourceArg + " -n " + ns,
                    "kubectl create rolebinding " + bindingName + " --role=" + baseName + " " + subject + " -n " + ns);
        }
        return java.util.List.of(
                "kubectl create clusterrole " + baseName + " --verb=" + verbs + " --resource=" + resourceArg,
                "kubectl create clusterrolebinding " + bindingName + " --clusterrole=" + baseName + " " + subject);
    }

    /** The kubectl command that asks the API server the same question. */
    public String canICommand() {
        String resourceArg = apiGroup.isEmpty() ? resource : resource + "." + apiGroup;
        return "kubectl auth can-i " + verb + " " + resourceArg
                + namespace.map(ns -> " -n " + ns).orElse(" --all-namespaces")
                + " --as=" + user;
    }
}
