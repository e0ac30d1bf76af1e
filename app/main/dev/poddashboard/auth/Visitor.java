package dev.poddashboard.auth;

import dev.poddashboard.identity.UserInfo;
import java.util.List;

/** A signed-in visitor, as the API server's TokenReview named them. */
public record Visitor(UserInfo user) {

    public String username() {
        return user.username();
    }

    /** How they proved it, in a few words for the footer: "a service-account token", "a user's token". */
    public String via() {
        if (user.username().startsWith("system:serviceaccount:")) {
            return "a service-account token";
        }
        if (user.groups().contains("system:nodes")) {
            return "a node's credentials";
        }
        return "a user's token (OIDC, a webhook or a static token file)";
    }

    /**
     * The impersonation flags that ask kubectl the same question as this visitor: {@code --as=jane
     * --as-group=dev}. A service account's groups follow from its name; system:authenticated is always added.
     */
    public String asFlags() {
        StringBuilder flags = new StringBuilder("--as=" + user.username());
        if (!user.username().startsWith("system:serviceaccount:")) {
            for (String group : user.groups()) {
                if (!group.equals("system:authenticated")) {
                    flags.append(" --as-group=").append(group);
                }
            }
        }
        return flags.toString();
    }

    public List<String> groups() {
        return user.groups();
    }
}
