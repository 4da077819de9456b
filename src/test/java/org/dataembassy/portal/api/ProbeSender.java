package org.dataembassy.portal.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.dataembassy.portal.support.ApiSession;

/** Sends probes over real HTTP: as a signed-in session (its cookie and CSRF token), anonymously, or as raw bytes. */
final class ProbeSender {

    record Answer(int status, String contentType, String body, Map<String, String> headers) {
    }

    private final int port;
    private final Map<String, ApiSession> sessions;
    private final Map<String, HttpClient> clients = new HashMap<>();

    ProbeSender(int port, Map<String, ApiSession> sessions) {
        this.port = port;
        this.sessions = sessions;
        sessions.forEach((user, session) -> clients.put(user, client(session.http.cookieHandler().orElseThrow())));
        clients.put(null, client(new CookieManager()));
    }

    private static HttpClient client(CookieHandler cookies) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    Answer send(Probe probe) throws Exception {
        if (probe.raw() != null) {
            return raw(probe.raw());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.path()))
                .timeout(Duration.ofSeconds(60));
        probe.headers().forEach(request::header);
        if (probe.csrf() && probe.user() != null) {
            sessions.get(probe.user()).csrf(request);
        }
        HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : probe.chunked() ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(probe.body()))
                : HttpRequest.BodyPublishers.ofByteArray(probe.body());
        request.method(probe.method(), body);
        HttpResponse<String> response = clients.get(probe.user()).send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        return new Answer(response.statusCode(), headers.getOrDefault("content-type", ""), response.body(), headers);
    }

    /** One request written as given on a fresh connection (it must say {@code Connection: close}); the answer read to its end. */
    private Answer raw(byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (SocketTimeoutException e) {
                if (all.size() == 0) {
                    return new Answer(0, "", "no answer within 15 s", Map.of()); // counted as wrong, not thrown
                }
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            Map<String, String> headers = new HashMap<>();
            String[] lines = head.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            int status = lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : 0;
            return new Answer(status, headers.getOrDefault("content-type", ""), body, headers);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            int size = eol < 0 ? 0 : Integer.parseInt(body.substring(at, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
