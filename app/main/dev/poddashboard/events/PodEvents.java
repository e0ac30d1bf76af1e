package dev.poddashboard.events;

import java.util.List;

/** Where a pod page gets the pod's events: the API server, or the demo data. */
public interface PodEvents {

    /** The events of one pod, sorted and printed as kubectl describe prints them. */
    Result forPod(String namespace, String name, String uid);

    /** The section's outcome: listed, refused by RBAC (with the grant), or no answer. */
    sealed interface Result {
        /** "listed", "denied" or "unavailable", for the page template's switch. */
        default String outcome() {
            return this instanceof Listed ? "listed" : this instanceof Denied ? "denied" : "unavailable";
        }

        record Listed(List<EventRow> events, boolean truncated) implements Result {
            public Listed {
                events = List.copyOf(events);
            }
        }

        record Denied(String explanation, List<String> commands) implements Result {
            public Denied {
                commands = List.copyOf(commands);
            }
        }

        record Unavailable(String reason) implements Result {
        }
    }
}
