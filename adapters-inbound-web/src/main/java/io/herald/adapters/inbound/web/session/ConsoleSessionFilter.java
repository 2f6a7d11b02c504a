package io.herald.adapters.inbound.web.session;

import io.herald.application.port.in.OpenConsoleSessionUseCase;
import io.herald.application.port.in.OpenConsoleSessionUseCase.ConsoleSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * No console page without a session (DESIGN §12): a request without a valid session cookie is sent to the login page
 * (htmx requests are told to go there with {@code HX-Redirect}), and a state-changing request must carry the
 * session's CSRF token, in the {@code X-CSRF-Token} header (htmx) or the {@code _csrf} field (a plain form).
 * The session is handed to the pages as a request attribute.
 */
@ServerFilter({ConsolePaths.CONSOLE, ConsolePaths.CONSOLE + "/**"})
final class ConsoleSessionFilter {

    private final OpenConsoleSessionUseCase sessions;

    ConsoleSessionFilter(OpenConsoleSessionUseCase sessions) {
        this.sessions = sessions;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> requireSession(HttpRequest<?> request, @Nullable @Body String body) {
        String path = request.getPath();
        if (ConsolePaths.isOpen(path)) {
            return null;
        }
        Optional<ConsoleSession> session = request.getCookies().findCookie(ConsolePaths.SESSION_COOKIE)
                .map(Cookie::getValue).flatMap(sessions::resume);
        if (session.isEmpty()) {
            return toLogin(request);
        }
        if (changesState(request.getMethod()) && !session.get().acceptsCsrfToken(csrfToken(request, body))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body("This form has expired or did not come from the console: reload the page and try again.");
        }
        request.setAttribute(ConsolePaths.SESSION_ATTRIBUTE, session.get());
        return null;
    }

    private static HttpResponse<?> toLogin(HttpRequest<?> request) {
        String next = request.getMethod() == HttpMethod.GET ? request.getUri().toString() : ConsolePaths.CONSOLE;
        String login = ConsolePaths.LOGIN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        if (request.getHeaders().contains("HX-Request")) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).header("HX-Redirect", login);
        }
        return HttpResponse.seeOther(URI.create(login));
    }

    private static boolean changesState(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    private static String csrfToken(HttpRequest<?> request, @Nullable String body) {
        String header = request.getHeaders().get(ConsolePaths.CSRF_HEADER);
        if (header != null) {
            return header;
        }
        return body == null ? null : FormFields.parse(body).first(ConsolePaths.CSRF_FIELD).orElse(null);
    }
}
