package io.herald.application.bulk;

import io.herald.application.errors.ConflictException;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageBulkJobsUseCase;
import io.herald.application.port.in.RunBulkJobUseCase;
import io.herald.application.port.out.BulkJobRepository;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.Transactions;
import io.herald.application.send.SendService;
import io.herald.domain.bulk.BulkJob;
import io.herald.domain.bulk.BulkStatus;
import io.herald.domain.bulk.BulkUser;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.shared.InvalidValueException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bulk jobs: users are stored as they are added (PENDING); running a job schedules its first page as durable work, and
 * each page, in one transaction, sends up to {@code pageSize} users as messages of the job's request (so
 * {@code GET /messages?request_id=<job>} lists them), records each user's outcome and schedules the next page. Memory
 * stays at one page whatever the job's size; a page run again after a crash skips the users already done.
 */
public final class BulkJobService implements ManageBulkJobsUseCase, RunBulkJobUseCase {

    public static final int MAX_USERS_PER_CALL = 1_000;

    private final BulkJobRepository jobs;
    private final SendService sends;
    private final DurableScheduler scheduler;
    private final Transactions transactions;
    private final int pageSize;
    private final Clock clock;

    public BulkJobService(BulkJobRepository jobs, SendService sends, DurableScheduler scheduler, Transactions transactions, int pageSize,
                          Clock clock) {
        this.jobs = jobs;
        this.sends = sends;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    @Override
    public BulkJob create(Map<String, Object> message) {
        Map<String, Object> definition = BulkJob.parseDefinition(message);
        Instant now = clock.now();
        BulkJob job = new BulkJob("bulk-" + MessageId.generate(now).value(), definition, BulkStatus.CREATED, 0, 0, 0, now);
        // A definition no user could be sent is refused now, not once per user when the job runs.
        MessageSpec.parse(job.messageFor(Map.of("recipient", "bulk-definition-check")));
        transactions.inTransaction(() -> {
            jobs.create(job);
            return null;
        });
        return job;
    }

    @Override
    public void addUsers(String jobId, List<Map<String, Object>> users) {
        if (users.isEmpty() || users.size() > MAX_USERS_PER_CALL) {
            throw new InvalidValueException("users must hold 1 to " + MAX_USERS_PER_CALL + " users; add more with another call");
        }
        transactions.inTransaction(() -> {
            BulkJob job = jobs.lock(jobId).orElseThrow(() -> notFound(jobId));
            if (job.status() != BulkStatus.CREATED) {
                throw new ConflictException("Bulk job '" + jobId + "' is " + job.status() + ": users are added before it runs");
            }
            for (int i = 0; i < users.size(); i++) {
                try {
                    MessageSpec.parse(job.messageFor(users.get(i)));
                } catch (InvalidValueException e) {
                    throw new InvalidValueException("users[" + i + "]: " + e.getMessage());
                }
            }
            jobs.addUsers(jobId, users);
            return null;
        });
    }

    @Override
    public Optional<BulkJob> find(String jobId) {
        return jobs.find(jobId);
    }

    @Override
    public Page<BulkUser> users(String jobId, Optional<String> cursor, int limit) {
        if (jobs.find(jobId).isEmpty()) {
            throw notFound(jobId);
        }
        return jobs.users(jobId, cursor, limit);
    }

    @Override
    public void run(String jobId) {
        transactions.inTransaction(() -> {
            BulkJob job = jobs.lock(jobId).orElseThrow(() -> notFound(jobId));
            if (job.status() == BulkStatus.CREATED) {
                jobs.setStatus(jobId, BulkStatus.PROCESSING);
                scheduler.runBulkPage(jobId, 0, clock.now());
            }
            return null;
        });
    }

    @Override
    public int runPage(String jobId, long afterSeq) {
        return transactions.inTransaction(() -> {
            Optional<BulkJob> found = jobs.lock(jobId);
            if (found.isEmpty() || found.get().status() != BulkStatus.PROCESSING) {
                return 0;
            }
            BulkJob job = found.get();
            Instant now = clock.now();
            List<BulkUser> page = jobs.pendingAfter(jobId, afterSeq, pageSize);
            List<BulkUser> outcomes = new ArrayList<>(page.size());
            List<MessageSpec> specs = new ArrayList<>();
            List<BulkUser> sendable = new ArrayList<>();
            // Every user gets the same template, content and brand: checked once a page (a template deleted since the run began).
            Optional<String> unsendable = Optional.empty();
            for (BulkUser user : page) {
                try {
                    MessageSpec spec = MessageSpec.parse(job.messageFor(user.user()));
                    if (specs.isEmpty() && unsendable.isEmpty()) {
                        try {
                            sends.checkSendable(spec);
                        } catch (InvalidValueException e) {
                            unsendable = Optional.of(e.getMessage());
                        }
                    }
                    if (unsendable.isPresent()) {
                        throw new InvalidValueException(unsendable.get());
                    }
                    specs.add(spec);
                    sendable.add(user);
                } catch (InvalidValueException e) {
                    outcomes.add(new BulkUser(user.seq(), user.user(), BulkUser.Status.ERROR, Optional.empty(), Optional.of(e.getMessage())));
                }
            }
            List<Message> created = sends.enqueueAs(jobId, specs, Optional.ofNullable((String) job.definition().get("event")), now);
            for (int i = 0; i < created.size(); i++) {
                BulkUser user = sendable.get(i);
                outcomes.add(new BulkUser(user.seq(), user.user(), BulkUser.Status.ENQUEUED, Optional.of(created.get(i).id().value()),
                        Optional.empty()));
            }
            jobs.recordOutcomes(jobId, outcomes);
            if (page.size() == pageSize) {
                scheduler.runBulkPage(jobId, page.get(page.size() - 1).seq(), now);
            } else {
                jobs.setStatus(jobId, BulkStatus.COMPLETED);
            }
            return page.size();
        });
    }

    private static NotFoundException notFound(String jobId) {
        return new NotFoundException("No bulk job '" + jobId + "'");
    }
}
