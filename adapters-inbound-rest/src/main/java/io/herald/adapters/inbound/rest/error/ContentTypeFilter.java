package io.herald.adapters.inbound.rest.error;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.Locale;

/**
 * A request with a body must say what it is (DESIGN §11), in a type its endpoint reads: JSON everywhere; also
 * {@code text/plain} on the Segment paths (browser SDKs send JSON as text/plain to avoid a CORS preflight) and for translation
 * files; form
 * fields on Twilio's callbacks, the console's and the preference center's forms, and the one-click unsubscribe POST. Anything else is a 415, before the body is read. Requests without a body need none.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ContentTypeFilter {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    @PreMatching
    @RequestFilter
    @Nullable
    HttpResponse<ApiError> check(HttpRequest<?> request) {
        if (!hasBody(request)) {
            return null;
        }
        String path = request.getPath();
        String declared = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        String type = declared == null ? "" : declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean accepted;
        String expected;
        if (path.startsWith("/webhooks/twilio/")) {
            accepted = type.equals(FORM);
            expected = FORM;
        } else if (path.startsWith("/console/")) {
            // The operator console's forms (adapters-inbound-web), which checks their session and CSRF token itself.
            accepted = type.equals(FORM);
            expected = FORM;
        } else if (path.startsWith("/preferences-center/")) {
            // The preference center's forms (adapters-inbound-web), which act on a signed link or a client token.
            accepted = type.equals(FORM);
            expected = FORM;
        } else if (path.equals("/unsubscribe")) {
            // RFC 8058: a mail client's one-click POST is either of these.
            accepted = type.equals(FORM) || type.equals("multipart/form-data");
            expected = FORM + " or multipart/form-data";
        } else if (path.equals("/segment") || path.startsWith("/v1/") || path.startsWith("/translations/")) {
            accepted = isJson(type) || type.equals("text/plain");
            expected = JSON + " (or text/plain)";
        } else {
            accepted = isJson(type);
            expected = JSON;
        }
        if (accepted) {
            return null;
        }
        String message = "Content-Type must be " + expected + (declared == null ? ", and none was sent" : ", not " + declared.trim());
        return HttpResponse.<ApiError>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message));
    }

    private static boolean isJson(String type) {
        return type.equals(JSON) || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static boolean hasBody(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return false;
        }
        long length = request.getContentLength();
        return length > 0 || (length < 0 && request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING));
    }
}
