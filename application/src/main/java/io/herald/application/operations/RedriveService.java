package io.herald.application.operations;

import io.herald.application.port.in.RedriveUseCase;
import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.Transactions;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Re-drives a page at a time, each page in its own transaction, so that memory and lock time stay bounded
 * whatever the number of matches. Messages start over from routing with their old attempts forgotten (their
 * history keeps the story); a message a provider accepted once (then bounced) is not sent again.
 */
public final class RedriveService implements RedriveUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(RedriveService.class);
    static final int PAGE = 500;

    private final MessageRepository messages;
    private final InboundEventLog inbound;
    private final AutomationRunRepository runs;
    private final DurableScheduler scheduler;
    private final Transactions transactions;
    private final Clock clock;

    public RedriveService(MessageRepository messages, InboundEventLog inbound, AutomationRunRepository runs,
                          DurableScheduler scheduler, Transactions transactions, Clock clock) {
        this.messages = messages;
        this.inbound = inbound;
        this.runs = runs;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int redriveMessages(MessageFilter filter) {
        int redriven = 0;
        Optional<MessageId> after = Optional.empty();
        while (true) {
            Optional<MessageId> from = after;
            Page page = transactions.inTransaction(() -> messagesPage(filter, from));
            redriven += page.redriven();
            if (page.last().isEmpty()) {
                break;
            }
            after = page.last();
        }
        LOG.info("Re-drive: {} {} message(s) enqueued again", redriven, filter.status());
        return redriven;
    }

    private record Page(int redriven, Optional<MessageId> last) {
    }

    private Page messagesPage(MessageFilter filter, Optional<MessageId> after) {
        List<MessageId> ids = messages.findForRedrive(filter, after, PAGE);
        if (ids.isEmpty()) {
            return new Page(0, Optional.empty());
        }
        Instant now = clock.now();
        List<Message> locked = messages.lockAll(ids).stream().filter(message -> message.redrive(now)).toList();
        List<MessageId> restarted = locked.stream().map(Message::id).toList();
        messages.forgetDeliveries(restarted);
        messages.saveAll(locked);
        scheduler.deliver(restarted, now);
        return new Page(restarted.size(), Optional.of(ids.get(ids.size() - 1)));
    }

    @Override
    public int redriveInboundEvents(Window window, Optional<String> type) {
        int redriven = 0;
        int page;
        do {
            page = transactions.inTransaction(() -> {
                int count = inbound.redriveFailed(window, type, clock.now(), PAGE);
                if (count > 0) {
                    scheduler.inboundEventsStored();
                }
                return count;
            });
            redriven += page;
        } while (page == PAGE);
        LOG.info("Re-drive: {} FAILED inbound event(s) to be processed again", redriven);
        return redriven;
    }

    @Override
    public int redriveAutomationRuns(Window window, Optional<String> automationId) {
        int redriven = 0;
        int page;
        do {
            page = transactions.inTransaction(() -> {
                Instant now = clock.now();
                List<AutomationRun> failed = runs.lockFailed(window, automationId, PAGE);
                for (AutomationRun run : failed) {
                    run.retry(now);
                    runs.save(run);
                    scheduler.advanceAutomationRun(run.id(), run.stepIndex(), now);
                }
                return failed.size();
            });
            redriven += page;
        } while (page == PAGE);
        LOG.info("Re-drive: {} FAILED automation run(s) going on from the step that failed", redriven);
        return redriven;
    }
}
