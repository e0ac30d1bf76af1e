package dev.poddashboard.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A core/v1 Event, keeping what {@code kubectl describe} prints. Events written through events.k8s.io/v1 (the
 * scheduler's, newer kubelets') have {@code eventTime} and maybe a {@code series}, and no first/last timestamps;
 * the old kind has {@code count}, {@code firstTimestamp}, {@code lastTimestamp} and {@code source}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Event(String type, String reason, String message, Integer count, Instant firstTimestamp, Instant lastTimestamp,
             Instant eventTime, Series series, Source source, String reportingComponent) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Series(Integer count, Instant lastObservedTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(String component, String host) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListMeta(@com.fasterxml.jackson.annotation.JsonProperty("continue") String continueToken) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventList(ListMeta metadata, List<Event> items) {
        EventList {
            items = items == null ? List.of() : items;
        }
    }

    /** kubectl's sort key (SortableEvents): the series' last observation, else lastTimestamp, else eventTime. */
    Instant sortTime() {
        if (series != null && series.lastObservedTime() != null) {
            return series.lastObservedTime();
        }
        if (lastTimestamp != null) {
            return lastTimestamp;
        }
        return eventTime != null ? eventTime : Instant.MIN;
    }
}
