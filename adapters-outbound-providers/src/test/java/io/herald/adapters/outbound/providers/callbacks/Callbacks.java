package io.herald.adapters.outbound.providers.callbacks;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's provider callbacks on Micronaut's embedded server, called over HTTP as the providers call them.
 * Every answer, 4xx included, comes back as a {@link Reply}.
 */
@Singleton
public class Callbacks {

    private final HttpClient client;

    Callbacks(@Client("/") HttpClient client) {
        this.client = client;
    }

    public Reply send(MutableHttpRequest<?> request) {
        try {
            return Reply.of(client.toBlocking().exchange(request, Argument.STRING, Argument.STRING));
        } catch (HttpClientResponseException error) {
            return Reply.of(error.getResponse());
        }
    }

    /** What the server answered: status and the body as text. */
    public record Reply(int status, String body) {

        static Reply of(HttpResponse<?> response) {
            return new Reply(response.code(), response.getBody(String.class).orElse(""));
        }

        /**
         * A refusal with {@code status} that says {@code messagePart}. Only the status and the message: a webhook
         * refuses by throwing, and the body around the message is whatever error processor the application has (in
         * Herald, the REST adapter's one error format, which {@code ProviderCallbacksTest} checks end to end).
         */
        public void assertRefused(int status, String messagePart) {
            assertThat(this.status).as(body).isEqualTo(status);
            assertThat(body).contains(messagePart);
        }
    }
}
