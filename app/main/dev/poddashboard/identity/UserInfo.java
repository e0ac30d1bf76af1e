package dev.poddashboard.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user as the API server authenticated it. {@code extra} holds pod-name and pod-uid for pod-bound tokens, and
 * on 1.30+ also node-name, node-uid and credential-id; none of them is required.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserInfo(String username, String uid, List<String> groups, Map<String, List<String>> extra) {
    public UserInfo {
        username = username == null ? "" : username;
        uid = uid == null ? "" : uid;
        groups = groups == null ? List.of() : List.copyOf(groups);
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(extra));
    }

    /** Each extra key with its values and a line on what it means (empty for a key this app does not know). */
    @com.fasterxml.jackson.annotation.JsonProperty("extraExplained")
    public List<ExtraKey> extraExplained() {
        return extra.entrySet().stream().map(e -> ExtraKey.of(e.getKey(), e.getValue())).toList();
    }
}
