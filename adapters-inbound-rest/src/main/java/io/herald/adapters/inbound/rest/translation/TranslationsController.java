package io.herald.adapters.inbound.rest.translation;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ManageTranslationsUseCase;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;

/**
 * Courier's translations: a gettext {@code .po} file per domain and locale. The SDK sends the file as a JSON string;
 * {@code text/plain} takes it as it is ({@code curl --data-binary @fr.po}). It is answered as a JSON string, or as the
 * file itself to a caller that accepts only {@code text/plain}.
 */
@Tag(name = "Translations")
@Controller("/translations")
@ExecuteOn(TaskExecutors.BLOCKING)
class TranslationsController {

    private final ManageTranslationsUseCase translations;
    private final JsonMapper json;

    TranslationsController(ManageTranslationsUseCase translations, JsonMapper json) {
        this.translations = translations;
        this.json = json;
    }

    /** A JSON string, as the SDK reads it; the file as it is for a caller that asks for text/plain only. */
    @Get("/{domain}/{locale}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    HttpResponse<String> get(HttpRequest<?> request, @PathVariable String domain, @PathVariable String locale) throws IOException {
        String po = translations.get(domain, locale)
                .orElseThrow(() -> new NotFoundException("No translations for locale '" + locale + "' in domain '" + domain + "'"));
        boolean textOnly = request.getHeaders().accept().stream().anyMatch(type -> type.matches(MediaType.TEXT_PLAIN_TYPE))
                && request.getHeaders().accept().stream().noneMatch(type -> type.matches(MediaType.APPLICATION_JSON_TYPE));
        return textOnly ? HttpResponse.ok(po).contentType(MediaType.TEXT_PLAIN_TYPE)
                : HttpResponse.ok(json.writeValueAsString(po)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Put("/{domain}/{locale}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    HttpResponse<Void> put(HttpRequest<?> request, @PathVariable String domain, @PathVariable String locale, @Body String body) {
        String type = request.getHeaders().get(HttpHeaders.CONTENT_TYPE, String.class).orElse("");
        translations.put(domain, locale, type.startsWith(MediaType.TEXT_PLAIN) ? body : jsonString(body));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    private String jsonString(String body) {
        try {
            String po = json.readValue(body, String.class);
            if (po == null) {
                throw new InvalidValueException("the body must be the .po file as a JSON string");
            }
            return po;
        } catch (IOException e) {
            throw new InvalidValueException("the body must be the .po file as a JSON string (or send it as text/plain)");
        }
    }
}
