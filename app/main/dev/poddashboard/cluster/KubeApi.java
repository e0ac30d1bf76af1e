package dev.poddashboard.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poddashboard.threads.Daemon;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Plain GET and POST against the API server over client-java's HTTP client (which carries TLS and the bearer
 * token), with every failure turned into a {@link ClusterException} ({@link ApiFailures}).
 */
public final class KubeApi {
    private static final MediaType JSON = MediaType.get("application/json");

    // A watch holds its connection open; the API server sends a bookmark about every minute, so silence for
    // longer than this means the connection is dead.
    private static final java.time.Duration WATCH_READ_TIMEOUT = java.time.Duration.ofMinutes(5);

    private static final String[] AUTH_NAMES = {"BearerToken"};

    private final HttpUrl base;
    private final ObjectMapper mapper;
    private final ApiFailures failures;
    private final ApiCalls calls;
    private final java.util.concurrent.CompletableFuture<Clients> clients = new java.util.concurrent.CompletableFuture<>();
    private final FirstConnection firstConnection = new FirstConnection();

    /** client-java's client and the two OkHttp clients made from it: for requests, and for watches (longer reads). */
    private record Clients(ApiClient client, OkHttpClient http, OkHttpClient watchHttp) {
    }

    /**
     * @param client client-java's configured client: TLS, client certificates and the token-file interceptor live
     *               in its OkHttp client; kubeconfig tokens (static, exec or OIDC) are its "BearerToken" API key
     */
    public KubeApi(ApiClient client, ObjectMapper mapper, ApiCalls calls) {
        this(() -> client, client.getBasePath(), mapper, calls);
        clients();
    }

    /**
     * Builds client-java's client on a thread of its own: its first construction (its JSON, OkHttp's platform and
     * TLS set-up) takes 100-300 ms of a cold start, which the web server's start need not wait for. The first
     * request waits for it.
     *
     * @param basePath the API server's URL, known before the client is built
     */
    public KubeApi(java.util.function.Supplier<ApiClient> build, String basePath, ObjectMapper mapper, ApiCalls calls) {
        this.base = HttpUrl.get(basePath);
        this.mapper = mapper;
        this.calls = calls;
        this.failures = new ApiFailures(mapper, server());
        Daemon.start("api-client", () -> {
            try {
                clients.complete(clients(build.get()));
            } catch (RuntimeException e) {
                clients.completeExceptionally(e);
            }
        });
    }

    private Clients clients(ApiClient client) {
        // Every call of these clients passes here before it has a connection: the place to share the first one.
        OkHttpClient http = client.getHttpClient().newBuilder().addInterceptor(chain -> {
            firstConnection.await();
            okhttp3.Request request = chain.request();
            String verb = ApiCalls.verb(request.method(), request.url());
            try {
                Response response = chain.proceed(request);
                calls.completed(verb, response.code());
                return response;
            } catch (IOException | RuntimeException e) {
                calls.completed(verb, 0);
                throw e;
            }
        }).eventListener(firstConnection).build();
        return new Clients(client, http, http.newBuilder().readTimeout(WATCH_READ_TIMEOUT).build());
    }

    /** The clients, once built (at once, after the start). */
    private Clients clients() {
        try {
            return clients.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new ClusterException.ApiError(ApiStatus.of(500, "the Kubernetes client could not be set up: "
                    + e.getCause().getMessage()));
        }
    }

    /** A request with the credentials client-java would add to the same call. */
    private Request.Builder request(HttpUrl url, String method) {
        Map<String, String> headers = new HashMap<>();
        try {
            clients().client().updateParamsForAuth(AUTH_NAMES, new ArrayList<>(), headers, new HashMap<>(), null, method, url.uri());
        } catch (ApiException e) {
            throw new ClusterException.Unauthorized("the kubeconfig's credentials could not be obtained: " + e.getMessage());
        }
        Request.Builder builder = new Request.Builder().url(url);
        headers.forEach(builder::header);
        return builder;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Watch watch(String pathAndQuery) {
        return watch(pathAndQuery, "application/json");
    }

    /** A watch, or any streamed GET: opened here, read line by line, closed by the caller. */
    public Watch watch(String pathAndQuery, String accept) {
        return open(pathAndQuery, accept, clients().watchHttp());
    }

    /** A streamed GET that fails with a timeout when nothing arrives for {@code idle} (a followed log). */
    public Watch stream(String pathAndQuery, String accept, java.time.Duration idle) {
        return open(pathAndQuery, accept, clients().http().newBuilder().readTimeout(idle).build());
    }

    private Watch open(String pathAndQuery, String accept, OkHttpClient client) {
        // Uncompressed: a gzip stream holds lines back until its buffer fills, and a followed log must not wait.
        Request request = request(url(pathAndQuery), "GET").header("Accept", accept)
                .header("Accept-Encoding", "identity").get().build();
        okhttp3.Call call = client.newCall(request);
        try {
            Response response = call.execute();
            if (!response.isSuccessful()) {
                try (response) {
                    ResponseBody body = response.body();
                    throw failures.status(response.code(), body == null ? "" : body.string());
                }
            }
            return new Watch(call, response, failures);
        } catch (IOException e) {
            throw failures.transport(e);
        } catch (RuntimeException e) {
            throw ApiFailures.unwrap(e);
        }
    }

    /** Reads one watch event line. */
    public <T> T parse(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new ClusterException.ApiError(ApiStatus.of(502, "unreadable watch event: " + e.getMessage()));
        }
    }

    /** host:port of the API server, for messages. */
    public String server() {
        return base.host().contains(":") ? "[" + base.host() + "]:" + base.port() : base.host() + ":" + base.port();
    }

    public String baseUrl() {
        return base.toString();
    }

    public <T> T get(String pathAndQuery, Class<T> type) {
        return get(pathAndQuery, "application/json", mapper.constructType(type));
    }

    public <T> T get(String pathAndQuery, String accept, JavaType type) {
        Request request = getRequest(pathAndQuery, accept);
        return call(request, type);
    }

    /** A reader of a body as it streams in. */
    public interface JsonBody<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** GET, the body read as it arrives: a long list is taken item by item instead of held whole. */
    public <T> T getStreaming(String pathAndQuery, String accept, JsonBody<T> reader) {
        Request request = getRequest(pathAndQuery, accept);
        return execute(request, body -> {
            try (JsonParser parser = mapper.createParser(body.byteStream())) {
                return reader.read(parser);
            }
        });
    }

    /** The body as text, for documents another parser reads (the JWKS). */
    public String getText(String pathAndQuery, String accept) {
        Request request = getRequest(pathAndQuery, accept);
        return execute(request, ResponseBody::string);
    }

    private Request getRequest(String pathAndQuery, String accept) {
        return request(url(pathAndQuery), "GET").header("Accept", accept).get().build();
    }

    public <T> T post(String path, Object body, Class<T> type) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialize request body", e);
        }
        Request request = request(url(path), "POST").header("Accept", "application/json")
                .post(RequestBody.create(json, JSON)).build();
        return call(request, mapper.constructType(type));
    }

    private HttpUrl url(String pathAndQuery) {
        return HttpUrl.get(base.toString().replaceAll("/+$", "") + pathAndQuery);
    }

    private <T> T call(Request request, JavaType type) {
        return execute(request, body -> {
            try (InputStream in = body.byteStream()) {
                return mapper.readValue(in, type);
            }
        });
    }

    private interface BodyReader<T> {
        T read(ResponseBody body) throws IOException;
    }

    /** One request: the body read on success; a Status, a transport failure or a TLS failure as ours. */
    private <T> T execute(Request request, BodyReader<T> reader) {
        try (Response response = clients().http().newCall(request).execute()) {
            ResponseBody body = response.body();
            if (response.isSuccessful()) {
                return reader.read(body);
            }
            throw failures.status(response.code(), body == null ? "" : body.string());
        } catch (IOException e) {
            throw failures.transport(e);
        } catch (RuntimeException e) {
            throw ApiFailures.unwrap(e);
        }
    }
}
