package io.herald.adapters.inbound.web.session;

import io.herald.adapters.inbound.web.page.Pages;
import io.herald.application.port.in.AuditWritesUseCase;
import io.herald.application.port.in.OpenConsoleSessionUseCase;
import io.herald.application.port.in.OpenConsoleSessionUseCase.ConsoleSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.herald.application.port.out.Clock;
import java.net.URI;
import java.time.Duration;

/** Sign-in with an admin key, and sign-out. The key is checked once and never kept: the cookie holds a signed session. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {

    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);

    private final OpenConsoleSessionUseCase sessions;
    private final AuditWritesUseCase audit;
    private final Clock clock;
    private final Pages pages;

    LoginController(OpenConsoleSessionUseCase sessions, AuditWritesUseCase audit, Clock clock, Pages pages) {
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages;
    }

    @Get(ConsolePaths.LOGIN)
    HttpResponse<String> form(@Nullable @QueryValue String next) {
        return pages.render("login.jte", new LoginPage(safeNext(next), false));
    }

    @Post(uris = ConsolePaths.LOGIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body String form) {
        FormFields fields = FormFields.parse(form);
        String next = safeNext(fields.first("next").orElse(null));
        return sessions.signIn(fields.first("key").orElse("")).<HttpResponse<?>>map(session -> {
                    audit.record(session.actor(), ConsoleAuditFilter.SOURCE, "POST " + ConsolePaths.LOGIN, ConsolePaths.LOGIN);
                    return HttpResponse.seeOther(URI.create(next)).cookie(sessionCookie(session).secure(overHttps(request)));
                })
                .orElseGet(() -> {
                    // The key itself is never logged: an operator sees that someone tried, and from where.
                    LOG.warn("Console sign-in refused: not an admin key (from {})", request.getRemoteAddress().getAddress().getHostAddress());
                    return pages.render("login.jte", new LoginPage(next, true)).status(HttpStatus.UNAUTHORIZED);
                });
    }

    @Post(uris = ConsolePaths.LOGOUT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut() {
        return HttpResponse.seeOther(URI.create(ConsolePaths.LOGIN))
                .cookie(baseCookie("").maxAge(0));
    }

    /** Behind a proxy that terminates TLS, the browser reached Herald over HTTPS although Herald saw plain HTTP. */
    private static boolean overHttps(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    private Cookie sessionCookie(ConsoleSession session) {
        return baseCookie(session.cookieValue()).maxAge(Duration.between(clock.now(), session.expiresAt()));
    }

    private static Cookie baseCookie(String value) {
        return Cookie.of(ConsolePaths.SESSION_COOKIE, value).path(ConsolePaths.CONSOLE).httpOnly(true).sameSite(SameSite.Strict);
    }

    /** Only a console path is a place to go after sign-in, so the login page cannot send anyone elsewhere. */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith(ConsolePaths.CONSOLE) || next.startsWith(ConsolePaths.LOGIN) || next.contains("//")
                || next.contains("\\")) {
            return ConsolePaths.CONSOLE;
        }
        return next;
    }
}
