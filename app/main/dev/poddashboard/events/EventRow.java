package dev.poddashboard.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One line of {@code kubectl describe pod}'s Events: Type, Reason, Age ({@code 5m (x12 over 20m)} when it
 * repeats), From, Message.
 *
 * @param count how many times it happened (1 unless it repeats)
 */
public record EventRow(String type, String reason, String age, String from, String message, int count) {

    @JsonIgnore
    public boolean warning() {
        return "Warning".equals(type);
    }

    /** kubectl's DescribeEvents: oldest first (newest last), each printed at {@code now}. */
    static List<EventRow> print(List<Event> events, Instant now) {
        return events.stream().sorted(Comparator.comparing(Event::sortTime)).map(e -> row(e, now)).toList();
    }

    static EventRow row(Event e, Instant now) {
        String first = since(e.eventTime() != null ? e.eventTime() : e.firstTimestamp(), now);
        String age;
        int count;
        if (e.series() != null) {
            count = e.series().count() == null ? 1 : e.series().count();
            age = since(e.series().lastObservedTime(), now) + " (x" + count + " over " + first + ")";
        } else if (e.count() != null && e.count() > 1) {
            count = e.count();
            age = since(e.lastTimestamp(), now) + " (x" + count + " over " + first + ")";
        } else {
            count = 1;
            age = first;
        }
        String from = e.source() != null && e.source().component() != null && !e.source().component().isEmpty()
                ? e.source().component() : e.reportingComponent() == null ? "" : e.reportingComponent();
        return new EventRow(nullToEmpty(e.type()), nullToEmpty(e.reason()), age, from,
                nullToEmpty(e.message()).strip(), count);
    }

    private static String since(Instant then, Instant now) {
        return dev.poddashboard.pods.KubectlDuration.since(then, now);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
