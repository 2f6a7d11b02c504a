package io.herald.adapters.inbound.web.overview;

import io.herald.adapters.inbound.web.message.MessageRow;
import io.herald.adapters.inbound.web.operations.OperationsPages;
import io.herald.adapters.inbound.web.operations.OperationsPages.ProviderRow;
import io.herald.adapters.inbound.web.page.Pages;
import io.herald.adapters.inbound.web.page.Shell;
import io.herald.adapters.inbound.web.page.Shell.Section;
import io.herald.adapters.inbound.web.session.ConsolePaths;
import io.herald.application.port.in.OpenConsoleSessionUseCase.ConsoleSession;
import io.herald.application.port.in.QueryHealthUseCase;
import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.message.MessageStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Controller(ConsolePaths.CONSOLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class OverviewController {

    private static final Duration WINDOW = Duration.ofHours(24);

    private final QueryMessagesUseCase messages;
    private final QueryHealthUseCase health;
    private final Clock clock;
    private final Pages pages;

    OverviewController(QueryMessagesUseCase messages, QueryHealthUseCase health, Clock clock, Pages pages) {
        this.messages = messages;
        this.health = health;
        this.clock = clock;
        this.pages = pages;
    }

    @Get
    HttpResponse<String> overview(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session) {
        Instant now = clock.now();
        Map<MessageStatus, Long> counts = messages.countByStatusSince(now.minus(WINDOW));
        long sentOrLater = sum(counts, MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.OPENED, MessageStatus.CLICKED);
        List<OverviewPage.Tile> tiles = List.of(
                new OverviewPage.Tile("Sent", sentOrLater, "", "plain"),
                new OverviewPage.Tile("Delivered", sum(counts, MessageStatus.DELIVERED, MessageStatus.OPENED, MessageStatus.CLICKED), "DELIVERED", "ok"),
                new OverviewPage.Tile("Opened", sum(counts, MessageStatus.OPENED, MessageStatus.CLICKED), "OPENED", "ok"),
                new OverviewPage.Tile("Clicked", sum(counts, MessageStatus.CLICKED), "CLICKED", "ok"),
                new OverviewPage.Tile("Undeliverable", sum(counts, MessageStatus.UNDELIVERABLE), "UNDELIVERABLE", "bad"),
                new OverviewPage.Tile("Unroutable", sum(counts, MessageStatus.UNROUTABLE, MessageStatus.UNMAPPED), "UNROUTABLE", "warn"),
                new OverviewPage.Tile("In progress", sum(counts, MessageStatus.ENQUEUED, MessageStatus.DELAYED, MessageStatus.ROUTED), "", "plain"));
        QueryHealthUseCase.Report report = health.report();
        String backlog = OperationsPages.backlog(report);
        boolean backlogWarning = report.backlog().map(due -> due.oldestDueAge().compareTo(Duration.ofSeconds(30)) > 0).orElse(true);
        List<ProviderRow> providers = report.providers().stream().map(provider -> ProviderRow.of(provider, now)).toList();
        List<MessageRow> latest = messages.list(new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 8)).items().stream().map(message -> MessageRow.of(message, now)).toList();
        return pages.render("overview.jte", new OverviewPage(new Shell("Overview", Section.OVERVIEW, session.csrfToken()), tiles,
                backlog, backlogWarning, providers, latest));
    }

    private static long sum(Map<MessageStatus, Long> counts, MessageStatus... statuses) {
        long sum = 0;
        for (MessageStatus status : statuses) {
            sum += counts.getOrDefault(status, 0L);
        }
        return sum;
    }
}
