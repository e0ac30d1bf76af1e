package dev.poddashboard.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before Javalin sees them (an encoded NUL or line break in the path, an ambiguous URI,
 * a broken header): the same JSON error shape as /api, with the security headers, instead of Jetty's HTML page.
 * Nothing from the request is echoed back.
 */
final class MalformedRequestErrors extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object code = request.getAttribute(ERROR_STATUS);
        int status = code instanceof Integer i ? i : response.getStatus();
        String title = status == 400 ? "Bad request" : status == 413 ? "Request too large" : "Request refused";
        String message = switch (status) {
            case 400 -> "The request is malformed: the URL or a header holds something HTTP does not allow, such as "
                    + "an encoded NUL or line break, or an ambiguous path.";
            case 413 -> "The request body is larger than " + WebServer.MAX_REQUEST_BYTES / 1024 + " KiB.";
            case 414, 431 -> "The URL or the headers are too long.";
            default -> "The server could not handle this request.";
        };
        String json = "{\"error\":{\"status\":" + status + ",\"title\":\"" + title + "\",\"message\":\"" + message
                + "\",\"facts\":[],\"commands\":[],\"yaml\":\"\"}}";
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "application/json; charset=utf-8");
        response.getHeaders().put("Cache-Control", "no-store");
        response.getHeaders().put("Content-Security-Policy", "default-src 'self'");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("X-Frame-Options", "DENY");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
