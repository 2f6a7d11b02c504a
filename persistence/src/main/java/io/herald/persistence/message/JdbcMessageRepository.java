package io.herald.persistence.message;

import io.herald.application.port.Page;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.application.port.out.MessageRepository;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.HistoryType;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageReason;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.DeliveryPlan;
import io.herald.persistence.support.Db;
import io.herald.persistence.support.Conditions;
import io.herald.persistence.support.KeysetPage;
import io.herald.persistence.support.StoredFormat;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Messages, their history, outputs and delivery attempts. Inserts and history appends go as one statement per
 * batch (rows as parallel arrays), since a send to many recipients and a busy pipeline write many rows at once.
 */
@Singleton
@Transactional
class JdbcMessageRepository implements MessageRepository {

    private static final String COLUMNS = "message_id, request_id, template_id, event, automation_run_id, status, reason, error, "
            + "channel, provider, spec::text AS spec, spec_format, plan::text AS plan, enqueued_at, deliver_at, expires_at, "
            + "milestones::text AS milestones";
    private static final String ATTEMPT_COLUMNS = "message_id, leaf_id, channel, provider, attempt, outcome, provider_message_id, "
            + "error, engagement, at";
    /** The engagement a sent attempt reaches only moves forward along this order. */
    private static final List<String> ENGAGEMENT_ORDER = java.util.stream.Stream.of(MessageStatus.SENT, MessageStatus.DELIVERED,
            MessageStatus.OPENED, MessageStatus.CLICKED).map(Enum::name).toList();

    private final Db db;
    private final JdbcFunnel funnel;

    JdbcMessageRepository(Db db, JdbcFunnel funnel) {
        this.db = db;
        this.funnel = funnel;
    }

    @Override
    public void insertAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        int size = messages.size();
        List<String> ids = new ArrayList<>(size);
        List<String> requestIds = new ArrayList<>(size);
        List<String> recipients = new ArrayList<>(size);
        List<String> userIds = new ArrayList<>(size);
        List<String> templateIds = new ArrayList<>(size);
        List<String> events = new ArrayList<>(size);
        List<String> runIds = new ArrayList<>(size);
        List<String> statuses = new ArrayList<>(size);
        List<String> specs = new ArrayList<>(size);
        List<String> enqueued = new ArrayList<>(size);
        List<String> deliverAt = new ArrayList<>(size);
        List<String> expiresAt = new ArrayList<>(size);
        List<String> milestones = new ArrayList<>(size);
        for (Message message : messages) {
            ids.add(message.id().value());
            requestIds.add(message.requestId());
            recipients.add(message.recipient().displayName());
            userIds.add(message.recipient().userId().map(Object::toString).orElse(null));
            templateIds.add(message.templateId().orElse(null));
            events.add(message.event().orElse(null));
            runIds.add(message.automationRunId().orElse(null));
            statuses.add(message.status().name());
            specs.add(db.toJson(message.spec().raw()));
            enqueued.add(message.enqueuedAt().toString());
            deliverAt.add(message.deliverAt().map(Instant::toString).orElse(null));
            expiresAt.add(message.expiresAt().map(Instant::toString).orElse(null));
            milestones.add(db.toJson(milestones(message)));
        }
        db.update("""
                INSERT INTO messages (message_id, request_id, recipient, user_id, template_id, event, automation_run_id, status,
                    spec, spec_format, enqueued_at, deliver_at, expires_at, milestones, updated_at)
                SELECT i, r, rc, u, t, e, a, s, sp::jsonb, %d, en::timestamptz, d::timestamptz, x::timestamptz, m::jsonb, en::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[]) AS x0(i, r, rc, u, t, e, a, s, sp, en, d, x, m)""".formatted(
                StoredFormat.MESSAGE_SPEC.current()), statement -> {
            statement.setArray(1, db.textArray(ids));
            statement.setArray(2, db.textArray(requestIds));
            statement.setArray(3, db.textArray(recipients));
            statement.setArray(4, db.textArray(userIds));
            statement.setArray(5, db.textArray(templateIds));
            statement.setArray(6, db.textArray(events));
            statement.setArray(7, db.textArray(runIds));
            statement.setArray(8, db.textArray(statuses));
            statement.setArray(9, db.textArray(specs));
            statement.setArray(10, db.textArray(enqueued));
            statement.setArray(11, db.textArray(deliverAt));
            statement.setArray(12, db.textArray(expiresAt));
            statement.setArray(13, db.textArray(milestones));
        });
        appendHistory(messages);
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public Optional<Message> lock(MessageId id) {
        List<Message> locked = lockAll(List.of(id));
        return locked.isEmpty() ? Optional.empty() : Optional.of(locked.get(0));
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public List<Message> lockAll(List<MessageId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.query("SELECT " + COLUMNS + " FROM messages WHERE message_id = ANY (?) ORDER BY message_id FOR UPDATE",
                statement -> statement.setArray(1, db.textArray(ids.stream().map(MessageId::value).toList())), this::message);
    }

    @Override
    public Optional<Message> find(MessageId id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM messages WHERE message_id = ?",
                statement -> statement.setString(1, id.value()), this::message);
    }

    @Override
    public void save(Message message) {
        saveAll(List.of(message));
    }

    @Override
    public void saveAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> templateIds = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> providers = new ArrayList<>();
        List<String> plans = new ArrayList<>();
        List<String> milestones = new ArrayList<>();
        for (Message message : messages) {
            ids.add(message.id().value());
            statuses.add(message.status().name());
            reasons.add(message.reason().map(Enum::name).orElse(null));
            errors.add(message.error().orElse(null));
            templateIds.add(message.templateId().orElse(null));
            channels.add(message.channel().map(Channel::wireName).orElse(null));
            providers.add(message.provider().orElse(null));
            plans.add(message.plan().map(plan -> db.toJson(plan.toJson())).orElse(null));
            milestones.add(db.toJson(milestones(message)));
        }
        db.update("""
                UPDATE messages m SET status = u.s, reason = u.r, error = u.e, template_id = u.t, channel = u.c, provider = u.p,
                    plan = u.pl::jsonb, milestones = u.ms::jsonb, updated_at = now()
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS u(i, s, r, e, t, c, p, pl, ms)
                WHERE m.message_id = u.i""", statement -> {
            statement.setArray(1, db.textArray(ids));
            statement.setArray(2, db.textArray(statuses));
            statement.setArray(3, db.textArray(reasons));
            statement.setArray(4, db.textArray(errors));
            statement.setArray(5, db.textArray(templateIds));
            statement.setArray(6, db.textArray(channels));
            statement.setArray(7, db.textArray(providers));
            statement.setArray(8, db.textArray(plans));
            statement.setArray(9, db.textArray(milestones));
        });
        appendHistory(messages);
    }

    @Override
    public Page<Message> list(MessageQuery query) {
        // Most selective first: a request or a recipient has few messages, a template or a status may have most.
        // Archived requests are rare: until one exists the listing is one statement, as before; then they are sifted out.
        boolean hideArchived = !query.includeArchived() && anyArchived();
        KeysetPage page = KeysetPage.newestFirst("message_id", query.cursor().map(Db::position))
                .filter("request_id", query.requestId())
                .filter("recipient", query.recipient())
                .filter("template_id", query.notification())
                .filter("status", query.status().map(Enum::name))
                .and("message_id >= ?", query.enqueuedFrom().map(at -> MessageId.firstAt(at).value()))
                .and("message_id < ?", query.enqueuedUntil().map(at -> MessageId.firstAt(at).value()));
        if (query.sifts() || hideArchived) {
            return sifted(query, page, hideArchived);
        }
        List<Message> rows = db.query("SELECT " + COLUMNS + " FROM messages" + page.sql(query.limit() + 1), page::bind, this::message);
        return pageOf(rows, query.limit());
    }

    private static Page<Message> pageOf(List<Message> rows, int limit) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Message> items = rows.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1).id().value()));
    }

    /**
     * Channel, provider and what the send carried (tags, trace id, tenant, event) have no index (more indexes on the
     * hottest table would cost every send), so they sift the first
     * {@link MessageQuery#SIFTED} messages the indexed filters walk to. When those hold too few matches, the page ends
     * early with a cursor at the last message looked at: the work per page stays bounded whatever the filter.
     */
    private Page<Message> sifted(MessageQuery query, KeysetPage page, boolean hideArchived) {
        MessageQuery.SentWith with = query.sentWith();
        Conditions sift = new Conditions().and("channel = ?", query.channel().map(Channel::wireName)).and("provider = ?", query.provider())
                .and("event = ?", with.event())
                .and("spec->'metadata'->>'trace_id' = ?", with.traceId())
                .and("spec->'context'->>'tenant_id' = ?", with.tenantId())
                // jsonb_exists_any is the ?| operator, whose ? a JDBC driver would take for a parameter.
                .and("jsonb_exists_any(spec->'metadata'->'tags', ?)", Optional.of(with.anyTag().toArray(String[]::new)).filter(tags -> tags.length > 0));
        if (hideArchived) {
            sift.and("NOT EXISTS (SELECT 1 FROM archived_requests a WHERE a.request_id = walked.request_id)");
        }
        Db.Binder binder = statement -> sift.bind(statement, page.bind(statement));
        List<Message> rows = db.query("SELECT " + COLUMNS + " FROM (SELECT * FROM messages" + page.sql(MessageQuery.SIFTED) + ") AS walked"
                + sift.sql() + page.order() + " LIMIT " + (query.limit() + 1), binder, this::message);
        if (rows.size() > query.limit()) {
            return pageOf(rows, query.limit());
        }
        List<String> lastWalked = db.query("SELECT min(message_id) AS last FROM (SELECT message_id FROM messages"
                + page.sql(MessageQuery.SIFTED) + ") AS walked HAVING count(*) = " + MessageQuery.SIFTED, page::bind, row -> row.getString("last"));
        return new Page<>(rows, lastWalked.isEmpty() ? null : Db.cursor(lastWalked.get(0)));
    }

    private static final long ARCHIVED_CHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private volatile boolean archivedSeen;
    private volatile long archivedCheckedAt;

    /**
     * Whether any request was ever archived: once true it stays so (archives are not undone); false is checked again
     * every 5 seconds, so a request archived through another instance leaves this one's listings within 5 seconds.
     */
    private boolean anyArchived() {
        if (archivedSeen) {
            return true;
        }
        long now = System.nanoTime();
        if (now - archivedCheckedAt > ARCHIVED_CHECK_NANOS || archivedCheckedAt == 0) {
            archivedSeen = db.queryOne("SELECT EXISTS (SELECT 1 FROM archived_requests)", statement -> { }, row -> row.getBoolean(1)).orElse(false);
            archivedCheckedAt = now;
        }
        return archivedSeen;
    }

    @Override
    public boolean archiveRequest(String requestId, Instant at) {
        boolean known = db.queryOne("SELECT EXISTS (SELECT 1 FROM messages WHERE request_id = ?)", statement -> statement.setString(1, requestId),
                row -> row.getBoolean(1)).orElse(false);
        if (known) {
            db.update("INSERT INTO archived_requests (request_id, archived_at) VALUES (?, ?) ON CONFLICT (request_id) DO NOTHING", statement -> {
                statement.setString(1, requestId);
                statement.setObject(2, Db.timestamp(at));
            });
            archivedSeen = true;
        }
        return known;
    }

    @Override
    public Map<MessageStatus, Long> countByStatusSince(Instant since) {
        Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
        db.query("SELECT status, count(*) AS n FROM messages WHERE enqueued_at >= ? GROUP BY status",
                statement -> statement.setObject(1, Db.timestamp(since)),
                row -> counts.put(MessageStatus.valueOf(row.getString("status")), row.getLong("n")));
        return counts;
    }

    @Override
    public Funnel funnel(FunnelQuery query) {
        return funnel.read(query);
    }

    /** One statement over the enqueued_at index; the nested counts test the milestones reached from the last one down. */
    @Override
    public List<MetricsRow> templateMetrics(String templateId, Instant from, Instant to, ChronoUnit bucket) {
        String unit = bucket == ChronoUnit.HOURS ? "hour" : "day";
        return db.query("SELECT date_trunc('" + unit + "', enqueued_at AT TIME ZONE 'UTC') AS period, channel, coalesce(provider, '') AS provider, "
                + "count(*) FILTER (WHERE milestones ->> 'SENT' IS NOT NULL OR milestones ->> 'DELIVERED' IS NOT NULL OR milestones ->> 'OPENED' IS NOT NULL OR milestones ->> 'CLICKED' IS NOT NULL) AS sent, "
                + "count(*) FILTER (WHERE milestones ->> 'DELIVERED' IS NOT NULL OR milestones ->> 'OPENED' IS NOT NULL OR milestones ->> 'CLICKED' IS NOT NULL) AS delivered, "
                + "count(*) FILTER (WHERE milestones ->> 'OPENED' IS NOT NULL OR milestones ->> 'CLICKED' IS NOT NULL) AS opened, "
                + "count(*) FILTER (WHERE milestones ->> 'CLICKED' IS NOT NULL) AS clicked, "
                + "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM delivery_attempts a WHERE a.message_id = m.message_id"
                + " AND a.outcome IN ('TRANSIENT', 'PERMANENT'))) AS errors, "
                + "count(*) FILTER (WHERE status = 'UNDELIVERABLE') AS undeliverable "
                + "FROM messages m WHERE template_id = ? AND enqueued_at >= ? AND enqueued_at < ? AND channel IS NOT NULL "
                + "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", statement -> {
                    statement.setString(1, templateId);
                    statement.setObject(2, Db.timestamp(from));
                    statement.setObject(3, Db.timestamp(to));
                }, row -> new MetricsRow(row.getObject("period", LocalDateTime.class).toInstant(ZoneOffset.UTC), row.getString("channel"),
                        row.getString("provider"), row.getLong("sent"), row.getLong("delivered"), row.getLong("opened"),
                        row.getLong("clicked"), row.getLong("errors"), row.getLong("undeliverable")));
    }

    @Override
    public List<HistoryEntry> history(MessageId id) {
        return db.query("SELECT type, at, details::text AS details FROM message_history WHERE message_id = ? ORDER BY id",
                statement -> statement.setString(1, id.value()),
                row -> new HistoryEntry(HistoryType.valueOf(row.getString("type")), Db.instant(row, "at"),
                        db.jsonObject(row.getString("details"))));
    }

    @Override
    public void saveOutputs(List<Output> outputs) {
        if (outputs.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (Output output : outputs) {
            ids.add(output.messageId().value());
            channels.add(output.channel().wireName());
            contents.add(db.toJson(output.content()));
            times.add(output.renderedAt().toString());
        }
        db.update("""
                INSERT INTO message_outputs (message_id, channel, content, rendered_at)
                SELECT i, c, o::jsonb, t::timestamptz FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS x(i, c, o, t)
                ON CONFLICT (message_id, channel) DO UPDATE SET content = excluded.content, rendered_at = excluded.rendered_at""",
                statement -> {
                    statement.setArray(1, db.textArray(ids));
                    statement.setArray(2, db.textArray(channels));
                    statement.setArray(3, db.textArray(contents));
                    statement.setArray(4, db.textArray(times));
                });
    }

    @Override
    public Set<UserId> recipientsOf(String requestId, List<UserId> users) {
        if (users.isEmpty()) {
            return Set.of();
        }
        Set<UserId> found = new HashSet<>();
        db.query("SELECT user_id FROM messages WHERE request_id = ? AND user_id = ANY (?)", statement -> {
            statement.setString(1, requestId);
            statement.setArray(2, db.textArray(users.stream().map(UserId::value).toList()));
        }, row -> found.add(UserId.of(row.getString(1))));
        return found;
    }

    @Override
    public List<MessageId> findForRedrive(RedriveUseCase.MessageFilter filter, Optional<MessageId> after, int limit) {
        // Status leads (the by-status index): the statuses a redrive looks for are the rare ones.
        KeysetPage page = KeysetPage.oldestFirst("message_id", after.map(MessageId::value))
                .filter("status", Optional.of(filter.status().name()))
                .filter("template_id", filter.template())
                .within("enqueued_at", filter.enqueued())
                .and("EXISTS (SELECT 1 FROM delivery_attempts a WHERE a.message_id = m.message_id AND a.provider = ?)", filter.provider())
                .and("EXISTS (SELECT 1 FROM delivery_attempts a WHERE a.message_id = m.message_id AND a.channel = ?)",
                        filter.channel().map(Channel::wireName));
        return db.query("SELECT message_id FROM messages m" + page.sql(limit), page::bind, row -> new MessageId(row.getString(1)));
    }

    @Override
    public void forgetDeliveries(List<MessageId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> values = ids.stream().map(MessageId::value).toList();
        db.update("DELETE FROM delivery_attempts WHERE message_id = ANY (?)", statement -> statement.setArray(1, db.textArray(values)));
        db.update("DELETE FROM message_outputs WHERE message_id = ANY (?)", statement -> statement.setArray(1, db.textArray(values)));
    }

    @Override
    public Map<Channel, Map<String, Object>> outputs(MessageId id) {
        Map<Channel, Map<String, Object>> outputs = new EnumMap<>(Channel.class);
        db.query("SELECT channel, content::text AS content FROM message_outputs WHERE message_id = ?",
                statement -> statement.setString(1, id.value()),
                row -> outputs.put(Channel.find(row.getString("channel")).orElseThrow(), db.jsonObject(row.getString("content"))));
        return outputs;
    }

    @Override
    public List<DeliveryAttempt> attempts(MessageId id) {
        return db.query("SELECT " + ATTEMPT_COLUMNS + " FROM delivery_attempts WHERE message_id = ? ORDER BY leaf_id, provider, attempt",
                statement -> statement.setString(1, id.value()), JdbcMessageRepository::attempt);
    }

    @Override
    public Map<MessageId, List<DeliveryAttempt>> attempts(List<MessageId> ids) {
        Map<MessageId, List<DeliveryAttempt>> byMessage = new LinkedHashMap<>();
        db.query("SELECT " + ATTEMPT_COLUMNS + " FROM delivery_attempts WHERE message_id = ANY (?) ORDER BY message_id, leaf_id, provider, attempt",
                statement -> statement.setArray(1, db.textArray(ids.stream().map(MessageId::value).toList())),
                JdbcMessageRepository::attempt)
                .forEach(attempt -> byMessage.computeIfAbsent(attempt.messageId(), id -> new ArrayList<>()).add(attempt));
        return byMessage;
    }

    @Override
    public void recordAttempts(List<DeliveryAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        // The last write of an attempt wins: one step may record it in flight and then with its outcome.
        Map<String, DeliveryAttempt> latest = new LinkedHashMap<>();
        attempts.forEach(a -> latest.put(a.messageId() + "|" + a.leafId() + "|" + a.provider() + "|" + a.attempt(), a));
        List<String> ids = new ArrayList<>();
        List<String> leaves = new ArrayList<>();
        List<String> providers = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        List<String> providerIds = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> engagements = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (DeliveryAttempt attempt : latest.values()) {
            ids.add(attempt.messageId().value());
            leaves.add(attempt.leafId());
            providers.add(attempt.provider());
            numbers.add(Integer.toString(attempt.attempt()));
            channels.add(attempt.channel().wireName());
            outcomes.add(attempt.outcome().name());
            providerIds.add(attempt.providerMessageId());
            errors.add(attempt.error());
            engagements.add(attempt.engagement() == null ? null : attempt.engagement().name());
            times.add(attempt.at().toString());
        }
        db.update("""
                INSERT INTO delivery_attempts (message_id, leaf_id, provider, attempt, channel, outcome, provider_message_id, error,
                    engagement, at)
                SELECT i, l, p, n::int, c, o, pi, e, g, t::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS x(i, l, p, n, c, o, pi, e, g, t)
                ON CONFLICT (message_id, leaf_id, provider, attempt) DO UPDATE SET outcome = excluded.outcome,
                    provider_message_id = excluded.provider_message_id, error = excluded.error,
                    engagement = excluded.engagement, at = excluded.at""", statement -> {
            statement.setArray(1, db.textArray(ids));
            statement.setArray(2, db.textArray(leaves));
            statement.setArray(3, db.textArray(providers));
            statement.setArray(4, db.textArray(numbers));
            statement.setArray(5, db.textArray(channels));
            statement.setArray(6, db.textArray(outcomes));
            statement.setArray(7, db.textArray(providerIds));
            statement.setArray(8, db.textArray(errors));
            statement.setArray(9, db.textArray(engagements));
            statement.setArray(10, db.textArray(times));
        });
    }

    @Override
    public Optional<DeliveryAttempt> findAttempt(String provider, String providerMessageId) {
        return db.queryOne("SELECT " + ATTEMPT_COLUMNS + " FROM delivery_attempts WHERE provider = ? AND provider_message_id = ?",
                statement -> {
                    statement.setString(1, provider);
                    statement.setString(2, providerMessageId);
                }, JdbcMessageRepository::attempt);
    }

    @Override
    public void recordEngagement(MessageId id, String leafId, MessageStatus engagement, Instant at) {
        db.update("""
                UPDATE delivery_attempts SET engagement = ?
                WHERE message_id = ? AND leaf_id = ? AND outcome = ?
                  AND array_position(?::text[], coalesce(engagement, ?)) < array_position(?::text[], ?)""", statement -> {
            statement.setString(1, engagement.name());
            statement.setString(2, id.value());
            statement.setString(3, leafId);
            statement.setString(4, AttemptOutcome.SENT.name());
            statement.setArray(5, db.textArray(ENGAGEMENT_ORDER));
            statement.setString(6, MessageStatus.SENT.name());
            statement.setArray(7, db.textArray(ENGAGEMENT_ORDER));
            statement.setString(8, engagement.name());
        });
    }

    private void appendHistory(List<Message> messages) {
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (Message message : messages) {
            for (HistoryEntry entry : message.drainHistory()) {
                ids.add(message.id().value());
                types.add(entry.type().name());
                times.add(entry.at().toString());
                details.add(db.toJson(entry.details()));
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        db.update("""
                INSERT INTO message_history (message_id, type, at, details)
                SELECT m, t, a::timestamptz, d::jsonb FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                    AS h(m, t, a, d, position) ORDER BY position""", statement -> {
            statement.setArray(1, db.textArray(ids));
            statement.setArray(2, db.textArray(types));
            statement.setArray(3, db.textArray(times));
            statement.setArray(4, db.textArray(details));
        });
    }

    private Message message(ResultSet row) throws SQLException {
        StoredFormat.MESSAGE_SPEC.check(row.getInt("spec_format"), row.getString("message_id"));
        Map<MessageStatus, Instant> milestones = new EnumMap<>(MessageStatus.class);
        db.jsonObject(row.getString("milestones")).forEach((status, at) -> milestones.put(MessageStatus.valueOf(status), Instant.parse((String) at)));
        String plan = row.getString("plan");
        return Message.reconstitute(
                new MessageId(row.getString("message_id")),
                row.getString("request_id"),
                MessageSpec.parse(db.jsonObject(row.getString("spec"))),
                Optional.ofNullable(row.getString("event")),
                Optional.ofNullable(row.getString("automation_run_id")),
                Db.instant(row, "enqueued_at"),
                Optional.ofNullable(Db.instant(row, "deliver_at")),
                Optional.ofNullable(Db.instant(row, "expires_at")),
                MessageStatus.valueOf(row.getString("status")),
                Optional.ofNullable(row.getString("reason")).map(MessageReason::valueOf),
                Optional.ofNullable(row.getString("error")),
                Optional.ofNullable(row.getString("template_id")),
                Optional.ofNullable(row.getString("channel")).map(name -> Channel.find(name).orElseThrow()),
                Optional.ofNullable(row.getString("provider")),
                Optional.ofNullable(plan).map(json -> DeliveryPlan.fromJson(db.jsonObject(json))),
                milestones);
    }

    private static Map<String, Object> milestones(Message message) {
        Map<String, Object> json = new LinkedHashMap<>();
        message.milestones().forEach((status, at) -> json.put(status.name(), at.toString()));
        return json;
    }

    private static DeliveryAttempt attempt(ResultSet row) throws SQLException {
        String engagement = row.getString("engagement");
        return new DeliveryAttempt(new MessageId(row.getString("message_id")), row.getString("leaf_id"),
                Channel.find(row.getString("channel")).orElseThrow(), row.getString("provider"), row.getInt("attempt"),
                AttemptOutcome.valueOf(row.getString("outcome")), row.getString("provider_message_id"), row.getString("error"),
                engagement == null ? null : MessageStatus.valueOf(engagement), Db.instant(row, "at"));
    }
}
