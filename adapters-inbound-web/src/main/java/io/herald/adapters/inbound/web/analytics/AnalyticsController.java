package io.herald.adapters.inbound.web.analytics;

import io.herald.adapters.inbound.web.page.Pages;
import io.herald.adapters.inbound.web.page.Shell;
import io.herald.adapters.inbound.web.page.Shell.Section;
import io.herald.adapters.inbound.web.session.ConsolePaths;
import io.herald.application.port.in.OpenConsoleSessionUseCase.ConsoleSession;
import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.application.port.out.MessageRepository.FunnelDimension;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Arrays;
import java.util.Optional;

/**
 * The messages funnel (DESIGN §12). As with the log's filters, a value the form does not offer is no filter rather
 * than an error: an edited link shows the default view, never a stack of errors.
 */
@Controller(ConsolePaths.CONSOLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class AnalyticsController {

    private final QueryMessagesUseCase messages;
    private final Pages pages;

    AnalyticsController(QueryMessagesUseCase messages, Pages pages) {
        this.messages = messages;
        this.pages = pages;
    }

    @Get("/analytics")
    HttpResponse<String> analytics(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session,
                                   @Nullable @QueryValue String by, @Nullable @QueryValue String value, @Nullable @QueryValue String days) {
        FunnelDimension dimension = Arrays.stream(FunnelDimension.values()).filter(candidate -> AnalyticsPage.wireName(candidate).equals(by))
                .findFirst().orElse(FunnelDimension.TEMPLATE);
        int span = AnalyticsPage.DAY_CHOICES.stream().filter(choice -> String.valueOf(choice).equals(days)).findFirst()
                .orElse(AnalyticsPage.DEFAULT_DAYS);
        Optional<String> narrowed = Optional.ofNullable(value).map(String::trim).filter(text -> !text.isEmpty());
        return pages.render("analytics.jte", AnalyticsPage.of(new Shell("Analytics", Section.ANALYTICS, session.csrfToken()),
                messages.funnel(span, dimension, narrowed), dimension, narrowed, span));
    }
}
