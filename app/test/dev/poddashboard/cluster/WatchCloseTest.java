package dev.poddashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poddashboard.Main;
import dev.poddashboard.testing.Eventually;
import io.kubernetes.client.openapi.ApiClient;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A watch closed from another thread while its reader waits for the next event: what a SIGTERM does to the pod
 * cache's watch, and a closed browser tab to a followed log. The server here sends one event, then holds the
 * stream open, as the API server does between events.
 */
class WatchCloseTest {
    private static final String EVENT = "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"web-1\"}}}";
    private ServerSocket server;
    private Socket accepted;
    private KubeApi api;

    @BeforeEach
    void start() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CompletableFuture.runAsync(() -> {
            try {
                accepted = server.accept();
                accepted.getInputStream().read(new byte[8192]); // the request's head
                OutputStream out = accepted.getOutputStream();
                String chunk = EVENT + "\n";
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        api = new KubeApi(new ApiClient().setBasePath("http://127.0.0.1:" + server.getLocalPort()), Main.objectMapper(),
                ApiCalls.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        if (accepted != null) {
            accepted.close();
        }
        server.close();
    }

    @Test
    void closingFromAnotherThreadEndsABlockedReadWithoutAnError() throws Exception {
        Watch watch = api.watch("/api/v1/namespaces/apps/pods?watch=1");
        assertThat(watch.nextLine()).isEqualTo(EVENT);
        Thread[] reader = new Thread[1];
        CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
            reader[0] = Thread.currentThread();
            return watch.nextLine();
        });
        // The reader has reached the socket: it waits there for the next event.
        Eventually.assertThat(() -> assertThat(reader[0]).isNotNull()
                .satisfies(t -> assertThat(Arrays.stream(t.getStackTrace()).map(StackTraceElement::getClassName))
                        .contains("sun.nio.ch.NioSocketImpl")));

        watch.close(); // threw "Unbalanced enter/exit" from okio while the read was under way

        assertThat(next.get(5, TimeUnit.SECONDS)).as("a cancelled watch reads as ended").isNull();
        watch.close(); // the reader's own close, as try-with-resources does it, still closes quietly
    }

    @Test
    void closingOnTheReadersThreadAfterTheStreamEndedIsQuiet() throws Exception {
        Watch watch = api.watch("/api/v1/namespaces/apps/pods?watch=1");
        assertThat(watch.nextLine()).isEqualTo(EVENT);
        watch.close();
        assertThat(watch.nextLine()).isNull();
    }
}
