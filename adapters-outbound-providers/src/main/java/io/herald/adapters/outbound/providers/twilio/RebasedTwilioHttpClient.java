package io.herald.adapters.outbound.providers.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Twilio's SDK always addresses {@code https://<product>.twilio.com}; this client sends each request to the
 * configured base URL instead (a regional endpoint, a proxy, a test stub), keeping its path, parameters and
 * credentials. No region or edge is set on the SDK, as those would rewrite the host.
 */
final class RebasedTwilioHttpClient extends NetworkHttpClient implements Closeable {

    private static final int MAX_CONNECTIONS = 20;

    private final String baseUrl;

    RebasedTwilioHttpClient(String baseUrl, Duration readTimeout) {
        // As the SDK's own client, less its automatic retries (see reliableRequest). The SDK sets its connect timeout
        // (30.5 s) on every request; the socket's read timeout is Herald's setting.
        super(HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(SocketConfig.custom()
                                .setSoTimeout(Timeout.ofMilliseconds(readTimeout.toMillis()))
                                .setSoKeepAlive(true)
                                .build())
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .build())
                .disableAutomaticRetries());
        URI parsed = URI.create(baseUrl);
        if (parsed.getRawAuthority() == null || !("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))) {
            throw new IllegalStateException("herald.providers.twilio.base-url must be an http(s) URL, like https://api.twilio.com");
        }
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * One try per send. The SDK would repeat a 5xx three times at once (and its HTTP client a 429 or 503 once more),
     * but a message that met a server error may have been sent all the same: Herald's pipeline decides about
     * retrying, with backoff.
     */
    @Override
    public Response reliableRequest(Request request) {
        return reliableRequest(request, RETRY_CODES, 1, 0);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(rebased(request));
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private Request rebased(Request request) {
        URI original = URI.create(request.getUrl());
        String query = original.getRawQuery() == null ? "" : "?" + original.getRawQuery();
        Request rebased = new Request(request.getMethod(), baseUrl + original.getRawPath() + query);
        if (request.getUsername() != null) {
            rebased.setAuth(request.getUsername(), request.getPassword());
        } else if (request.getAuthStrategy() != null) {
            rebased.setAuth(request.getAuthStrategy());
        }
        rebased.setContentType(request.getContentType());
        rebased.setBody(request.getBody());
        rebased.setFormParameters(request.getFormParameters());
        rebased.setUserAgentExtensions(request.getUserAgentExtensions());
        request.getQueryParams().forEach((name, values) -> values.forEach(value -> rebased.addQueryParam(name, value)));
        request.getPostParams().forEach((name, values) -> values.forEach(value -> rebased.addPostParam(name, value)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> rebased.addHeaderParam(name, value)));
        return rebased;
    }
}
