package io.herald.adapters.inbound.rest.support;

import io.herald.adapters.inbound.rest.fakes.FakeCallers;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;

/**
 * The adapter's embedded server, called over HTTP. The short forms send JSON text as an admin; {@link #send} sends a
 * request exactly as built (its own credentials, or none). Every answer, 4xx and 5xx included, comes back as a
 * {@link Reply}: no status is turned into an exception.
 */
@Singleton
public class Api {

    private final HttpClient client;

    Api(@Client("/") HttpClient client) {
        this.client = client;
    }

    public Reply get(String path) {
        return send(asAdmin(HttpRequest.GET(path)));
    }

    public Reply delete(String path) {
        return send(asAdmin(HttpRequest.DELETE(path)));
    }

    public Reply post(String path, String json) {
        return send(asAdmin(HttpRequest.POST(path, json).contentType(MediaType.APPLICATION_JSON_TYPE)));
    }

    public Reply put(String path, String json) {
        return send(asAdmin(HttpRequest.PUT(path, json).contentType(MediaType.APPLICATION_JSON_TYPE)));
    }

    public Reply patch(String path, String json) {
        return send(asAdmin(HttpRequest.PATCH(path, json).contentType(MediaType.APPLICATION_JSON_TYPE)));
    }

    public static <T> MutableHttpRequest<T> asAdmin(MutableHttpRequest<T> request) {
        return request.bearerAuth(FakeCallers.ADMIN_KEY);
    }

    public Reply send(MutableHttpRequest<?> request) {
        try {
            return Reply.of(client.toBlocking().exchange(request, Argument.STRING, Argument.STRING));
        } catch (HttpClientResponseException error) {
            HttpResponse<?> response = error.getResponse();
            return Reply.of(response);
        }
    }
}
