package io.herald.application.delivery;

import io.herald.application.engagement.EngagementService;
import io.herald.application.auth.SignedRecipientLinks;
import io.herald.application.fakes.DirectTransactions;
import io.herald.application.fakes.InMemoryDeliveryLooks;
import io.herald.application.fakes.InMemoryStores;
import io.herald.application.fakes.InMemoryThrottleCounter;
import io.herald.application.fakes.InMemoryWorkspacePreferenceRepository;
import io.herald.application.fakes.InMemoryBrandRepository;
import io.herald.application.fakes.InMemoryTranslationRepository;
import io.herald.application.fakes.InMemoryTemplateRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.fakes.RecordingDurableScheduler.Scheduled;
import io.herald.application.fakes.RecordingDurableScheduler;
import io.herald.application.feedback.FeedbackRecorder;
import io.herald.application.message.MessageService;
import io.herald.application.port.out.ChannelSender;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.application.port.out.OperationalMetrics;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.delivery.Backoff;
import io.herald.domain.feedback.FeedbackEvent;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.HistoryType;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.template.Template;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The delivery pipeline as bootstrap wires it ({@code SendFactory}: {@link DeliveryPipelineService} behind a
 * {@link DeliveryDriver}, {@link ProviderCalls}, {@link ProviderHealth}), over the in-memory stores, with time on a
 * {@link MutableClock} and durable work on a {@link RecordingDurableScheduler} that the fixture runs as db-scheduler
 * would: a job runs once, when the clock reaches it.
 * <p>
 * Remote calls still run on their providers' bulkheads; the recording thread is the test's own: after each job the
 * fixture records every outcome that comes back, and returns once all calls made have been recorded, except the
 * ones a {@link ScriptedSender} holds. So each step is over when a method returns.
 */
public final class DeliveryFixture implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    /** More jobs than any scenario needs: a message looked at in a loop fails the test instead of hanging it. */
    private static final int MAX_JOBS = 2_000;

    public final MutableClock clock = new MutableClock(START);
    public final InMemoryStores stores = InMemoryStores.empty();
    public final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
    public final InMemoryBrandRepository brands = new InMemoryBrandRepository();
    public final InMemoryTranslationRepository translations = new InMemoryTranslationRepository();
    public final InMemoryWorkspacePreferenceRepository workspacePreferences = new InMemoryWorkspacePreferenceRepository();
    public final InMemoryThrottleCounter throttles = new InMemoryThrottleCounter();
    /** What a message's preference and unsubscribe links are signed with. */
    public static final SignedRecipientLinks LINKS = new SignedRecipientLinks("https://herald.test", "delivery-fixture-token-secret-32-chars!");
    public final RecordingDurableScheduler scheduler = new RecordingDurableScheduler();
    public final DeliverySettings settings;
    public final ProviderHealth health;
    public final FeedbackRecorder feedback = new FeedbackRecorder(stores.feedback(), true);

    private final List<ScriptedSender> senders;
    private final ProviderCalls calls;
    private final DeliveryDriver driver;
    private final TestRecordingThread recording = new TestRecordingThread();
    private final AtomicInteger callsUnrecorded = new AtomicInteger();
    private final List<Scheduled> pendingJobs = new ArrayList<>();
    private int jobsSeen;
    private int messagesSent;
    private volatile boolean failNextRecording;

    private DeliveryFixture(Builder builder) {
        this.settings = builder.settings;
        this.senders = List.copyOf(builder.senders);
        List<ChannelSender> available = new ArrayList<>(senders);
        available.add(new InboxSender(stores.inbox(), clock));
        Providers providers = new Providers(builder.channels, available);
        this.health = new ProviderHealth(settings.circuitFailures(), settings.circuitProbeAfter());
        this.calls = new ProviderCalls(providers, health, OperationalMetrics.NONE, scheduler, clock, name -> 4, 100,
                name -> Optional.empty());
        DeliveryPipeline pipeline = new DeliveryPipelineService(stores.messages(), stores.profiles(), stores.pushTokens(), templates,
                stores.tenants(), brands, translations, stores.preferences(), workspacePreferences, LINKS, throttles, providers, new TemplateRenderer(), settings, feedback, health, calls, OperationalMetrics.NONE,
                scheduler, clock);
        InMemoryDeliveryLooks looks = new InMemoryDeliveryLooks();
        this.driver = new DeliveryDriver(new CountingPipeline(pipeline), calls, recording, looks, looks.transactions(), clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Which providers carry each channel, in failover order, and the delivery policy. */
    public static final class Builder {

        private final Map<Channel, List<String>> channels = new EnumMap<>(Channel.class);
        private final List<ScriptedSender> senders = new ArrayList<>();
        private DeliverySettings settings = DeliverySettings.defaults();

        public Builder channel(Channel channel, ScriptedSender... providers) {
            List<String> names = new ArrayList<>(channels.getOrDefault(channel, List.of()));
            for (ScriptedSender provider : providers) {
                if (!senders.contains(provider)) {
                    senders.add(provider);
                }
                names.add(provider.name());
            }
            channels.put(channel, names);
            return this;
        }

        /** The inbox channel, on Herald's own inbox provider. */
        public Builder inbox() {
            channels.put(Channel.INBOX, List.of(InboxSender.NAME));
            return this;
        }

        public Builder attemptsPerProvider(int attempts) {
            settings = new DeliverySettings(attempts, settings.backoff(), settings.inFlightLease(), settings.giveUpAfter(),
                    settings.circuitFailures(), settings.circuitProbeAfter());
            return this;
        }

        public Builder backoff(Duration first, Duration cap) {
            settings = new DeliverySettings(settings.attemptsPerProvider(), new Backoff(first, cap), settings.inFlightLease(),
                    settings.giveUpAfter(), settings.circuitFailures(), settings.circuitProbeAfter());
            return this;
        }

        public Builder giveUpAfter(Duration giveUpAfter) {
            settings = new DeliverySettings(settings.attemptsPerProvider(), settings.backoff(), settings.inFlightLease(), giveUpAfter,
                    settings.circuitFailures(), settings.circuitProbeAfter());
            return this;
        }

        /** Circuits have tests of their own; others may set a threshold no scenario reaches. */
        public Builder circuitFailures(int failures) {
            settings = new DeliverySettings(settings.attemptsPerProvider(), settings.backoff(), settings.inFlightLease(),
                    settings.giveUpAfter(), failures, settings.circuitProbeAfter());
            return this;
        }

        public DeliveryFixture build() {
            return new DeliveryFixture(this);
        }
    }

    // --- what the recipient and the templates are ------------------------------------------------------------

    public void profile(String userId, Map<String, Object> attributes) {
        stores.profiles().save(Profile.create(UserId.of(userId)).mergedWith(attributes));
    }

    public void template(String id, Map<String, Object> body) {
        templates.save(Template.parse(id, body));
    }

    // --- sending and time ------------------------------------------------------------------------------------

    /**
     * Stores one message as {@code SendService} stores it (ENQUEUED or DELAYED, its delivery scheduled at its due
     * time), under a predictable id, so that a retry's jittered wait is the same at every run.
     */
    public MessageId send(Map<String, Object> message) {
        MessageSpec spec = MessageSpec.parse(message);
        MessageId id = new MessageId("msg-" + ++messagesSent);
        Message created = Message.enqueue(id, id.value(), spec, Optional.empty(), Optional.empty(), clock.now());
        stores.messages().insertAll(List.of(created));
        scheduler.deliver(List.of(id), created.deliverAt().orElse(clock.now()));
        return id;
    }

    /** Runs every delivery job due by now, oldest first, and what those schedule for now, until nothing is due. */
    public void runDueJobs() {
        for (int run = 0; run < MAX_JOBS; run++) {
            collectNewJobs();
            Optional<Scheduled> due = pendingJobs.stream().filter(job -> !job.at().isAfter(clock.now()))
                    .min(Comparator.comparing(Scheduled::at));
            if (due.isEmpty()) {
                return;
            }
            pendingJobs.remove(due.get());
            driver.deliver(due.get().messages());
            recordOutcomes();
        }
        throw new AssertionError("more than " + MAX_JOBS + " delivery jobs were due at " + clock.now());
    }

    /** Moves the clock to the next job (if it is later) and runs what is due then. Empty when no job is left. */
    public Optional<Instant> runNextJob() {
        collectNewJobs();
        Optional<Instant> next = pendingJobs.stream().map(Scheduled::at).min(Comparator.naturalOrder());
        next.filter(at -> at.isAfter(clock.now())).ifPresent(clock::set);
        runDueJobs();
        return next;
    }

    /** Runs job after job until {@code done}, or until no job is left or the clock passed {@code START + limit}. */
    public boolean runJobsUntil(BooleanSupplier done, Duration limit) {
        Instant end = START.plus(limit);
        for (int run = 0; run < MAX_JOBS; run++) {
            if (done.getAsBoolean()) {
                return true;
            }
            Optional<Instant> next = nextJobAt();
            if (next.isEmpty() || next.get().isAfter(end)) {
                return false;
            }
            runNextJob();
        }
        throw new AssertionError("more than " + MAX_JOBS + " delivery jobs ran by " + clock.now() + ": a message is looked at in a loop");
    }

    /** When the next job not run yet is due. */
    public Optional<Instant> nextJobAt() {
        collectNewJobs();
        return pendingJobs.stream().map(Scheduled::at).min(Comparator.naturalOrder());
    }

    /** A look at the message outside its schedule (a job that came twice, or early). */
    public void deliverNow(MessageId id) {
        driver.deliver(List.of(id));
        recordOutcomes();
    }

    /** Records the outcomes of remote calls that came back (after a held call was answered, say). */
    public void recordOutcomes() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (callsUnrecorded.get() > heldCalls()) {
            Runnable recordArrived = recording.next();
            if (recordArrived != null) {
                recordArrived.run();
            } else if (System.nanoTime() > deadline) {
                throw new AssertionError(callsUnrecorded.get() + " provider calls made, " + heldCalls()
                        + " held, the others' outcomes did not come back");
            }
        }
    }

    /** The next recording step fails (its transaction rolls back), as a database that drops a connection would. */
    public void failNextRecording() {
        failNextRecording = true;
    }

    // --- what the test looks at ------------------------------------------------------------------------------

    public Message message(MessageId id) {
        return stores.messages().find(id).orElseThrow();
    }

    public List<HistoryEntry> history(MessageId id) {
        return stores.messages().history(id);
    }

    public List<HistoryType> historyTypes(MessageId id) {
        return history(id).stream().map(HistoryEntry::type).toList();
    }

    public List<HistoryEntry> historyOf(MessageId id, HistoryType type) {
        return history(id).stream().filter(entry -> entry.type() == type).toList();
    }

    /** The {@code next} of each PROVIDER_ERROR entry, in order: retry, failover, fallthrough, undeliverable. */
    public List<Object> nextMoves(MessageId id) {
        return historyOf(id, HistoryType.PROVIDER_ERROR).stream().map(entry -> entry.details().get("next")).toList();
    }

    public List<DeliveryAttempt> attempts(MessageId id) {
        return stores.messages().attempts(id).stream().sorted(Comparator.comparing(DeliveryAttempt::at)
                .thenComparing(DeliveryAttempt::provider).thenComparingInt(DeliveryAttempt::attempt)).toList();
    }

    /** When each delivery job of the message was scheduled for, in the order they were scheduled. */
    public List<Instant> jobsFor(MessageId id) {
        return scheduler.deliveries().stream().filter(job -> job.messages().contains(id)).map(Scheduled::at).toList();
    }

    /** Every Segment event recorded for reporting, in the order recorded. */
    public List<FeedbackEvent> feedbackEvents() {
        return stores.feedback().due(10_000, Instant.MAX).stream().map(pending -> pending.event()).toList();
    }

    public List<String> feedbackEventNames() {
        return feedbackEvents().stream().map(FeedbackEvent::event).toList();
    }

    public MessageService messages() {
        return new MessageService(stores.messages(), new DirectTransactions(), clock);
    }

    public EngagementService engagement() {
        return new EngagementService(stores.messages(), feedback, stores.webhookReceipts(), stores.inbox(), clock);
    }

    @Override
    public void close() {
        senders.forEach(ScriptedSender::releaseAll);
        calls.close();
    }

    private int heldCalls() {
        return senders.stream().mapToInt(sender -> sender.heldCalls().size()).sum();
    }

    private void collectNewJobs() {
        List<Scheduled> all = scheduler.deliveries();
        pendingJobs.addAll(all.subList(jobsSeen, all.size()));
        jobsSeen = all.size();
    }

    /** Counts the remote calls handed out and recorded, so that a step can wait for its outcomes. */
    private final class CountingPipeline implements DeliveryPipeline {

        private final DeliveryPipeline pipeline;

        CountingPipeline(DeliveryPipeline pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public Progress advance(List<MessageId> messageIds) {
            Progress progress = pipeline.advance(messageIds);
            callsUnrecorded.addAndGet(progress.calls().size());
            return progress;
        }

        @Override
        public Progress record(List<CallResult> results) {
            callsUnrecorded.addAndGet(-results.size());
            if (failNextRecording) {
                failNextRecording = false;
                throw new IllegalStateException("the recording transaction failed");
            }
            Progress progress = pipeline.record(results);
            callsUnrecorded.addAndGet(progress.calls().size());
            return progress;
        }
    }

    /** The driver's recording thread, run by the test: outcomes are recorded when the fixture says so. */
    private static final class TestRecordingThread implements Executor {

        private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        Runnable next() {
            try {
                return tasks.poll(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for provider outcomes", e);
            }
        }
    }
}
