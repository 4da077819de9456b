package org.dataembassy.portal.policy.internal;

import com.bisnode.opa.client.OpaConfiguration;
import com.bisnode.opa.client.query.OpaQueryClient;
import com.bisnode.opa.client.query.QueryForDocumentRequest;
import com.bisnode.opa.client.rest.ObjectMapperFactory;
import com.bisnode.opa.client.rest.OpaRestClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * Sends a document query through {@code com.bisnode.opa:opa-java-client}, bounded by a request timeout
 * (the library itself has none, so its REST client is given one).
 */
public final class OpaDecisionClient {

    private final OpaEndpoint endpoint;
    private final Duration timeout;
    private final HttpClient http;
    private volatile String clientUrl;
    private volatile OpaQueryClient client;

    public OpaDecisionClient(OpaEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * Queries {@code <path>} with {@code input}; returns the raw result (null when the document is undefined).
     *
     * @throws RuntimeException when OPA cannot be reached, times out or answers with an error
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> query(String path, Map<String, Object> input) {
        QueryForDocumentRequest request = new QueryForDocumentRequest(input, path);
        try {
            return client().queryForDocument(request, Map.class);
        } catch (RuntimeException e) {
            if (!staleConnection(e)) {
                throw e;
            }
            // OPA closed a kept-alive connection just as it was reused (the JDK client then reads no bytes).
            // The query is read-only, so asking once more on a fresh connection is safe; a second failure stands.
            return client().queryForDocument(request, Map.class);
        }
    }

    /** The JDK client's message for a reused connection the server had already closed. */
    static boolean staleConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null
                    && t.getMessage().contains("header parser received no bytes")) {
                return true;
            }
        }
        return false;
    }

    private OpaQueryClient client() {
        String url = endpoint.baseUrl();
        if (!url.equals(clientUrl)) {
            synchronized (this) {
                var rest = new TimedRestClient(new OpaConfiguration(url), http, timeout);
                client = new OpaQueryClient(rest);
                clientUrl = url;
            }
        }
        return client;
    }

    private static final class TimedRestClient extends OpaRestClient {
        private final Duration timeout;

        TimedRestClient(OpaConfiguration configuration, HttpClient http, Duration timeout) {
            super(configuration, http, ObjectMapperFactory.getInstance().create());
            this.timeout = timeout;
        }

        @Override
        public HttpRequest.Builder getBasicRequestBuilder(String endpoint) {
            return super.getBasicRequestBuilder(endpoint).timeout(timeout);
        }
    }
}
