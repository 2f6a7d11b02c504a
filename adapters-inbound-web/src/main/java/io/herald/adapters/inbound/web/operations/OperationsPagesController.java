package io.herald.adapters.inbound.web.operations;

import io.herald.adapters.inbound.web.operations.OperationsPages.EventRow;
import io.herald.adapters.inbound.web.operations.OperationsPages.EventsPage;
import io.herald.adapters.inbound.web.operations.OperationsPages.ProviderRow;
import io.herald.adapters.inbound.web.operations.OperationsPages.ProvidersPage;
import io.herald.adapters.inbound.web.page.Links;
import io.herald.adapters.inbound.web.page.Pages;
import io.herald.adapters.inbound.web.page.Shell;
import io.herald.adapters.inbound.web.page.Shell.Section;
import io.herald.adapters.inbound.web.page.Times;
import io.herald.adapters.inbound.web.session.ConsolePaths;
import io.herald.application.port.Page;
import io.herald.application.port.in.ListInboundEventsQuery;
import io.herald.application.port.in.ListInboundEventsUseCase;
import io.herald.application.port.in.OpenConsoleSessionUseCase.ConsoleSession;
import io.herald.application.port.in.QueryHealthUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.InboundEventLog.InboundEventRecord;
import io.herald.domain.inbound.InboundEventStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What came in from Segment and what became of it, and how each provider is doing (DESIGN §10, §12). */
@Controller(ConsolePaths.CONSOLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class OperationsPagesController {

    private static final int PAGE_SIZE = 50;
    private static final List<String> STATUSES = Arrays.stream(InboundEventStatus.values()).map(Enum::name).toList();

    private final ListInboundEventsUseCase events;
    private final QueryHealthUseCase health;
    private final Clock clock;
    private final Pages pages;

    OperationsPagesController(ListInboundEventsUseCase events, QueryHealthUseCase health, Clock clock, Pages pages) {
        this.events = events;
        this.health = health;
        this.clock = clock;
        this.pages = pages;
    }

    @Get("/events")
    HttpResponse<String> events(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session,
                                @Nullable @QueryValue String status, @Nullable @QueryValue String cursor) {
        String wanted = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
        Optional<InboundEventStatus> filter = STATUSES.contains(wanted) ? Optional.of(InboundEventStatus.valueOf(wanted)) : Optional.empty();
        Page<InboundEventRecord> page = events.list(new ListInboundEventsQuery(filter, Optional.ofNullable(cursor).filter(value -> !value.isBlank()),
                PAGE_SIZE));
        Instant now = clock.now();
        List<EventRow> rows = page.items().stream().map(event -> new EventRow(event.id(), Times.ago(event.receivedAt(), now),
                Times.shown(event.receivedAt()), event.source(), event.type(), event.name() == null ? "" : event.name(),
                event.userId(), event.status().name(), event.messageIds(), event.automationRunIds(),
                event.error() == null ? "" : event.error(), event.attempts())).toList();
        String next = page.cursor().map(more -> "/console/events?" + (filter.isPresent() ? "status=" + wanted + "&" : "")
                + Links.param("cursor", more)).orElse(null);
        return pages.render("events.jte", new EventsPage(new Shell("Inbound events", Section.EVENTS, session.csrfToken()),
                filter.map(Enum::name).orElse(""), STATUSES, rows, next));
    }

    @Get("/providers")
    HttpResponse<String> providers(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session) {
        QueryHealthUseCase.Report report = health.report();
        Instant now = clock.now();
        List<ProviderRow> rows = report.providers().stream().map(provider -> ProviderRow.of(provider, now)).toList();
        return pages.render("providers.jte", new ProvidersPage(new Shell("Providers", Section.PROVIDERS, session.csrfToken()),
                report.schedulerEnabled(), OperationsPages.backlog(report), rows));
    }
}
