package io.herald.application.bulk;

import io.herald.application.errors.ConflictException;
import io.herald.application.fakes.DirectTransactions;
import io.herald.application.fakes.InMemoryBrandRepository;
import io.herald.application.fakes.InMemoryBulkJobRepository;
import io.herald.application.fakes.InMemoryIdempotencyStore;
import io.herald.application.fakes.InMemoryListRepository;
import io.herald.application.fakes.InMemoryMessageRepository;
import io.herald.application.fakes.InMemoryTemplateRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.fakes.RecordingDurableScheduler;
import io.herald.application.fakes.RecordingDurableScheduler.BulkPage;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.application.send.SendService;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.bulk.BulkJob;
import io.herald.domain.bulk.BulkStatus;
import io.herald.domain.bulk.BulkUser;
import io.herald.domain.message.Message;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Template;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bulk job sent a page at a time: each page schedules the next, the last completes the job; memory is one page. */
class BulkJobServiceTest {

    private static final int PAGE = 2;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final InMemoryMessageRepository messages = new InMemoryMessageRepository();
    private final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
    private final InMemoryBulkJobRepository jobs = new InMemoryBulkJobRepository();
    private final RecordingDurableScheduler scheduler = new RecordingDurableScheduler();
    private final SendService sends = new SendService(messages, templates, new InMemoryBrandRepository(), new InMemoryListRepository(),
            new InMemoryIdempotencyStore(), scheduler, new TemplateRenderer(), new DirectTransactions(), clock);
    private final BulkJobService bulk = new BulkJobService(jobs, sends, scheduler, new DirectTransactions(), PAGE, clock);

    BulkJobServiceTest() {
        templates.save(Template.parse("welcome", Map.of("channels", Map.of("email", Map.of("subject", "Hi {{name}}", "text", "Hello")))));
    }

    private List<Message> sent(String jobId) {
        return messages.list(new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(jobId), Optional.empty(), 100)).items();
    }

    /** Runs the scheduled pages, as the durable scheduler would, until none is left. */
    private int runScheduledPages() {
        int pages = 0;
        while (scheduler.bulkPages().size() > pages) {
            BulkPage page = scheduler.bulkPages().get(pages++);
            bulk.runPage(page.jobId(), page.afterSeq());
        }
        return pages;
    }

    @Test
    void eachUserBecomesASendOfTheJobsMessage_aPageAtATime_untilTheJobIsCompleted() {
        BulkJob job = bulk.create(Map.of("event", "welcome", "data", Map.of("name", "there", "plan", "pro")));
        bulk.addUsers(job.id(), List.of(Map.of("recipient", "a", "data", Map.of("name", "Ann")),
                Map.of("to", Map.of("email", "b@example.org")), Map.of("recipient", "c", "profile", Map.of("email", "c@example.org"))));
        assertThat(bulk.find(job.id()).orElseThrow().status()).isEqualTo(BulkStatus.CREATED);

        bulk.run(job.id());
        bulk.run(job.id());
        assertThat(scheduler.bulkPages()).as("running a running job changes nothing").hasSize(1);
        assertThat(runScheduledPages()).isEqualTo(2);

        BulkJob done = bulk.find(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(BulkStatus.COMPLETED);
        assertThat(done.enqueued()).isEqualTo(3);
        assertThat(sent(job.id())).hasSize(3).allSatisfy(message -> assertThat(message.spec().template()).contains("welcome"));
        Message toAnn = sent(job.id()).stream().filter(message -> message.recipient().userId().isPresent()
                && message.recipient().userId().get().value().equals("a")).findFirst().orElseThrow();
        assertThat(toAnn.spec().data()).isEqualTo(Map.of("name", "Ann", "plan", "pro"));
        assertThat(toAnn.event()).contains("welcome");
        assertThat(bulk.users(job.id(), Optional.empty(), 10).items()).extracting(BulkUser::status).containsOnly(BulkUser.Status.ENQUEUED);
        assertThatThrownBy(() -> bulk.addUsers(job.id(), List.of(Map.of("recipient", "late")))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aTemplateDeletedBeforeThePageIsReachedMarksItsUsersErrored_andThePageRunAgainChangesNothing() {
        BulkJob job = bulk.create(Map.of("event", "welcome"));
        bulk.addUsers(job.id(), List.of(Map.of("recipient", "a")));
        bulk.run(job.id());
        templates.delete("welcome");
        runScheduledPages();

        BulkJob done = bulk.find(job.id()).orElseThrow();
        assertThat(done.failures()).isEqualTo(1);
        assertThat(bulk.users(job.id(), Optional.empty(), 10).items().get(0).error()).hasValueSatisfying(error ->
                assertThat(error).contains("is neither a template id nor an event"));
        assertThat(bulk.runPage(job.id(), 0)).as("a completed job is not run again").isZero();
        assertThat(sent(job.id())).isEmpty();
    }

    @Test
    void whatNoUserCouldBeSentIsRefusedUpFront() {
        assertThatThrownBy(() -> bulk.create(Map.of("template", "welcome"))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("message.event");
        BulkJob job = bulk.create(Map.of("event", "welcome"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= BulkJobService.MAX_USERS_PER_CALL; i++) {
            tooMany.add(Map.of("recipient", "u" + i));
        }
        assertThatThrownBy(() -> bulk.addUsers(job.id(), tooMany)).hasMessageContaining("1 to 1000 users");
        assertThatThrownBy(() -> bulk.addUsers(job.id(), List.of(Map.of("recipient", "a"), Map.of("data", Map.of()))))
                .hasMessageStartingWith("users[1]: a bulk user needs recipient");
        assertThat(jobs.find(job.id()).orElseThrow().received()).as("nothing half-written").isZero();
    }
}
