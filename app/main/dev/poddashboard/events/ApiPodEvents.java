package dev.poddashboard.events;

import dev.poddashboard.cluster.ClusterException;
import dev.poddashboard.cluster.KubeApi;
import dev.poddashboard.cluster.RbacDenial;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Events from the API server, asked for as kubectl describe asks: core/v1 events of the pod's namespace with the
 * field selector {@code involvedObject.name=…,involvedObject.namespace=…,involvedObject.uid=…}, in pages of 500.
 * A pod's events are few (the API server folds repeats into a count), but the list is bounded all the same.
 */
public final class ApiPodEvents implements PodEvents {
    static final int PAGE = 500;
    static final int MAX_EVENTS = 1_000;

    private final KubeApi api;
    private final Clock clock;

    public ApiPodEvents(KubeApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Override
    public Result forPod(String namespace, String name, String uid) {
        StringBuilder selector = new StringBuilder("involvedObject.name=").append(name)
                .append(",involvedObject.namespace=").append(namespace);
        if (uid != null && !uid.isEmpty()) {
            selector.append(",involvedObject.uid=").append(uid);
        }
        String base = "/api/v1/namespaces/" + namespace + "/events?fieldSelector="
                + URLEncoder.encode(selector.toString(), StandardCharsets.UTF_8) + "&limit=" + PAGE;
        List<Event> events = new ArrayList<>();
        boolean truncated = false;
        try {
            String continueToken = null;
            do {
                Event.EventList page = api.get(base + (continueToken == null ? ""
                        : "&continue=" + URLEncoder.encode(continueToken, StandardCharsets.UTF_8)), Event.EventList.class);
                events.addAll(page.items());
                continueToken = page.metadata() == null ? null : page.metadata().continueToken();
                if (events.size() >= MAX_EVENTS) {
                    truncated = continueToken != null && !continueToken.isEmpty() || events.size() > MAX_EVENTS;
                    events = new ArrayList<>(events.subList(0, Math.min(events.size(), MAX_EVENTS)));
                    break;
                }
            } while (continueToken != null && !continueToken.isEmpty());
        } catch (ClusterException.Forbidden e) {
            List<String> commands = new ArrayList<>();
            e.denial().ifPresent(d -> {
                commands.add(d.canICommand());
                commands.addAll(d.grantCommands());
            });
            String who = e.denial().flatMap(RbacDenial::serviceAccount).map(sa -> "ServiceAccount " + sa.replace(':', '/'))
                    .orElse("The dashboard's user");
            return new Result.Denied(who + " may not list events in namespace " + namespace + ", so this section is empty. "
                    + "The base Role of k8s-manifests/ grants get, list and watch on events in the dashboard's own "
                    + "namespace (re-apply it if it is older); components/cluster-wide grants them everywhere.", commands);
        } catch (ClusterException e) {
            return new Result.Unavailable(e.sentence());
        }
        return new Result.Listed(EventRow.print(events, clock.instant()), truncated);
    }
}
