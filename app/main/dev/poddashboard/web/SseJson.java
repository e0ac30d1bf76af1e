package dev.poddashboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;

/** One server-sent event with a JSON body, written once per client at a time, and never to a closed client. */
final class SseJson {
    private SseJson() {
    }

    /** @param id the event's id (what a reconnecting EventSource sends back as Last-Event-ID), or null */
    static void send(ObjectMapper mapper, SseClient client, String event, Object data, String id) {
        String json;
        try {
            json = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        synchronized (client) {
            if (!client.terminated()) {
                if (id == null) {
                    client.sendEvent(event, json);
                } else {
                    client.sendEvent(event, json, id);
                }
            }
        }
    }
}
