package io.herald.application.fakes;

import io.herald.application.port.Page;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.application.port.out.FunnelRollups;
import io.herald.application.port.out.MessageRepository;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.message.HistoryEntry;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Keeps copies, as a database does: a message changed and not saved is not changed here, and saving it appends the
 * history it recorded since it was loaded. Locks are not modelled (tests run one transaction at a time).
 */
public final class InMemoryMessageRepository implements MessageRepository {

    private static final List<MessageStatus> ENGAGEMENT_ORDER =
            List.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.OPENED, MessageStatus.CLICKED);

    /** An attempt's key; its order is the order attempts are listed in. */
    private record AttemptKey(MessageId message, String leafId, String provider, int attempt) implements Comparable<AttemptKey> {

        private static final Comparator<AttemptKey> ORDER = Comparator.comparing(AttemptKey::message)
                .thenComparing(AttemptKey::leafId).thenComparing(AttemptKey::provider).thenComparingInt(AttemptKey::attempt);

        static AttemptKey of(DeliveryAttempt attempt) {
            return new AttemptKey(attempt.messageId(), attempt.leafId(), attempt.provider(), attempt.attempt());
        }

        @Override
        public int compareTo(AttemptKey other) {
            return ORDER.compare(this, other);
        }
    }

    private final NavigableMap<MessageId, Message> messages = new TreeMap<>();
    private final Map<MessageId, List<HistoryEntry>> history = new HashMap<>();
    private final Map<MessageId, Map<Channel, Map<String, Object>>> outputs = new HashMap<>();
    private final NavigableMap<AttemptKey, DeliveryAttempt> attempts = new TreeMap<>();

    @Override
    public synchronized void insertAll(List<Message> inserted) {
        for (Message message : inserted) {
            if (messages.containsKey(message.id())) {
                throw new IllegalStateException("duplicate message " + message.id());
            }
            messages.put(message.id(), copy(message));
            history.put(message.id(), new ArrayList<>(message.drainHistory()));
        }
    }

    @Override
    public synchronized Set<UserId> recipientsOf(String requestId, List<UserId> users) {
        return messages.values().stream().filter(message -> message.requestId().equals(requestId))
                .flatMap(message -> message.recipient().userId().stream()).filter(users::contains).collect(Collectors.toSet());
    }

    @Override
    public Optional<Message> lock(MessageId id) {
        return find(id);
    }

    @Override
    public synchronized List<Message> lockAll(List<MessageId> ids) {
        return ids.stream().distinct().sorted().map(messages::get).filter(Objects::nonNull)
                .map(InMemoryMessageRepository::copy).toList();
    }

    @Override
    public synchronized Optional<Message> find(MessageId id) {
        return Optional.ofNullable(messages.get(id)).map(InMemoryMessageRepository::copy);
    }

    @Override
    public void save(Message message) {
        saveAll(List.of(message));
    }

    @Override
    public synchronized void saveAll(List<Message> saved) {
        for (Message message : saved) {
            if (messages.replace(message.id(), copy(message)) == null) {
                throw new IllegalStateException("no message " + message.id());
            }
            history.get(message.id()).addAll(message.drainHistory());
        }
    }

    @Override
    public synchronized Page<Message> list(MessageQuery query) {
        NavigableMap<MessageId, Message> before = query.cursor().map(c -> messages.headMap(new MessageId(c), false)).orElse(messages);
        List<Message> matching = before.descendingMap().values().stream()
                .filter(m -> query.recipient().map(m.recipient().displayName()::equals).orElse(true))
                .filter(m -> query.status().map(m.status()::equals).orElse(true))
                .filter(m -> query.notification().map(template -> m.templateId().equals(Optional.of(template))).orElse(true))
                .filter(m -> query.requestId().map(m.requestId()::equals).orElse(true))
                .filter(m -> query.channel().map(channel -> m.channel().equals(Optional.of(channel))).orElse(true))
                .filter(m -> query.provider().map(provider -> m.provider().equals(Optional.of(provider))).orElse(true))
                .filter(m -> query.enqueuedFrom().map(from -> !m.enqueuedAt().isBefore(from)).orElse(true))
                .filter(m -> query.enqueuedUntil().map(m.enqueuedAt()::isBefore).orElse(true))
                .filter(m -> query.sentWith().event().map(event -> m.event().equals(Optional.of(event))).orElse(true))
                .filter(m -> query.sentWith().traceId().map(trace -> m.spec().traceId().equals(Optional.of(trace))).orElse(true))
                .filter(m -> query.sentWith().tenantId().map(tenant -> m.spec().tenantId().equals(Optional.of(tenant))).orElse(true))
                .filter(m -> query.sentWith().anyTag().isEmpty() || m.spec().tags().stream().anyMatch(query.sentWith().anyTag()::contains))
                .filter(m -> query.includeArchived() || !archivedRequests.contains(m.requestId()))
                .limit(query.limit() + 1L).map(InMemoryMessageRepository::copy).toList();
        if (matching.size() <= query.limit()) {
            return new Page<>(matching, null);
        }
        List<Message> items = matching.subList(0, query.limit());
        return new Page<>(items, items.get(query.limit() - 1).id().value());
    }

    private final java.util.Set<String> archivedRequests = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public synchronized boolean archiveRequest(String requestId, Instant at) {
        boolean known = messages.values().stream().anyMatch(message -> message.requestId().equals(requestId));
        if (known) {
            archivedRequests.add(requestId);
        }
        return known;
    }

    @Override
    public synchronized Map<MessageStatus, Long> countByStatusSince(Instant since) {
        return messages.values().stream().filter(message -> !message.enqueuedAt().isBefore(since))
                .collect(Collectors.groupingBy(Message::status, () -> new EnumMap<>(MessageStatus.class), Collectors.counting()));
    }

    /** One message as the funnel counts it. */
    private record FunnelPoint(LocalDate day, Optional<String> template, Optional<String> channel, Optional<String> provider,
                               FunnelCounts counts) {

        static FunnelPoint of(Message message) {
            return new FunnelPoint(LocalDate.ofInstant(message.enqueuedAt(), ZoneOffset.UTC), message.templateId(),
                    message.channel().map(Channel::wireName), message.provider(),
                    new FunnelCounts(1, reached(message, MessageStatus.SENT), reached(message, MessageStatus.DELIVERED),
                            reached(message, MessageStatus.OPENED), reached(message, MessageStatus.CLICKED),
                            message.status() == MessageStatus.UNDELIVERABLE ? 1 : 0));
        }

        Optional<String> valueOf(FunnelDimension by) {
            return switch (by) {
                case TEMPLATE -> template;
                case CHANNEL -> channel;
                case PROVIDER -> provider;
            };
        }
    }

    private record CountedDay(Instant at, List<FunnelPoint> points) {
    }

    private final Map<LocalDate, CountedDay> countedDays = new TreeMap<>();

    /** The funnel's counted days over these messages, as a database keeps them beside its messages. */
    public FunnelRollups rollups() {
        return new FunnelRollups() {
            @Override
            public Map<LocalDate, Instant> countedBetween(LocalDate first, LocalDate last) {
                synchronized (InMemoryMessageRepository.this) {
                    Map<LocalDate, Instant> counted = new TreeMap<>();
                    countedDays.forEach((day, count) -> {
                        if (!day.isBefore(first) && !day.isAfter(last)) {
                            counted.put(day, count.at());
                        }
                    });
                    return counted;
                }
            }

            @Override
            public void count(LocalDate day, Instant at) {
                synchronized (InMemoryMessageRepository.this) {
                    countedDays.put(day, new CountedDay(at, messages.values().stream().map(FunnelPoint::of)
                            .filter(point -> point.day().equals(day)).toList()));
                }
            }

            @Override
            public int forgetBefore(LocalDate day) {
                synchronized (InMemoryMessageRepository.this) {
                    int before = countedDays.size();
                    countedDays.keySet().removeIf(counted -> counted.isBefore(day));
                    return before - countedDays.size();
                }
            }
        };
    }

    @Override
    public synchronized Funnel funnel(FunnelQuery query) {
        List<FunnelPoint> points = new ArrayList<>();
        countedDays.forEach((day, counted) -> {
            if (wholly(day, query)) {
                points.addAll(counted.points());
            }
        });
        for (Message message : messages.values()) {
            FunnelPoint point = FunnelPoint.of(message);
            boolean inRange = !message.enqueuedAt().isBefore(query.from()) && message.enqueuedAt().isBefore(query.to());
            if (inRange && !(countedDays.containsKey(point.day()) && wholly(point.day(), query))) {
                points.add(point);
            }
        }
        Map<LocalDate, FunnelCounts> days = new TreeMap<>();
        Map<Optional<String>, FunnelCounts> groups = new HashMap<>();
        for (FunnelPoint point : points) {
            Optional<String> value = point.valueOf(query.by());
            if (query.value().isPresent() && !query.value().equals(value)) {
                continue;
            }
            days.merge(point.day(), point.counts(), FunnelCounts::plus);
            groups.merge(value, point.counts(), FunnelCounts::plus);
        }
        return new Funnel(days.entrySet().stream().map(day -> new FunnelDay(day.getKey(), day.getValue())).toList(),
                groups.entrySet().stream().map(group -> new FunnelGroup(group.getKey(), group.getValue()))
                        .sorted(Comparator.comparingLong((FunnelGroup group) -> -group.counts().enqueued())
                                .thenComparing(group -> group.value().orElse("\uffff")))
                        .limit(query.groups()).toList());
    }

    private static boolean wholly(LocalDate day, FunnelQuery query) {
        return !day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(query.from())
                && !day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(query.to());
    }

    @Override
    public synchronized List<MetricsRow> templateMetrics(String templateId, Instant from, Instant to, ChronoUnit bucket) {
        record Key(Instant period, String channel, String provider) {
        }
        Map<Key, long[]> counts = new TreeMap<>(Comparator.comparing(Key::period).thenComparing(Key::channel).thenComparing(Key::provider));
        for (Message message : messages.values()) {
            if (!message.templateId().equals(Optional.of(templateId)) || message.channel().isEmpty()
                    || message.enqueuedAt().isBefore(from) || !message.enqueuedAt().isBefore(to)) {
                continue;
            }
            Instant period = message.enqueuedAt().truncatedTo(bucket);
            long[] row = counts.computeIfAbsent(new Key(period, message.channel().get().wireName(), message.provider().orElse("")),
                    key -> new long[6]);
            long clicked = reached(message, MessageStatus.CLICKED);
            long opened = Math.max(clicked, reached(message, MessageStatus.OPENED));
            long delivered = Math.max(opened, reached(message, MessageStatus.DELIVERED));
            row[0] += Math.max(delivered, reached(message, MessageStatus.SENT));
            row[1] += delivered;
            row[2] += opened;
            row[3] += clicked;
            row[4] += attempts.values().stream().anyMatch(attempt -> attempt.messageId().equals(message.id())
                    && (attempt.outcome() == AttemptOutcome.TRANSIENT || attempt.outcome() == AttemptOutcome.PERMANENT)) ? 1 : 0;
            row[5] += message.status() == MessageStatus.UNDELIVERABLE ? 1 : 0;
        }
        List<MetricsRow> rows = new ArrayList<>();
        counts.forEach((key, row) -> rows.add(new MetricsRow(key.period(), key.channel(), key.provider(), row[0], row[1], row[2], row[3],
                row[4], row[5])));
        return rows;
    }

    private static long reached(Message message, MessageStatus milestone) {
        return message.reachedAt(milestone).isPresent() ? 1 : 0;
    }

    @Override
    public synchronized List<HistoryEntry> history(MessageId id) {
        return List.copyOf(history.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized void saveOutputs(List<Output> saved) {
        saved.forEach(output -> outputs.computeIfAbsent(output.messageId(), id -> new EnumMap<>(Channel.class))
                .put(output.channel(), JsonTrees.deepCopy(output.content())));
    }

    @Override
    public synchronized Map<Channel, Map<String, Object>> outputs(MessageId id) {
        Map<Channel, Map<String, Object>> copy = new EnumMap<>(Channel.class);
        outputs.getOrDefault(id, Map.of()).forEach((channel, content) -> copy.put(channel, JsonTrees.deepCopy(content)));
        return copy;
    }

    @Override
    public synchronized List<DeliveryAttempt> attempts(MessageId id) {
        return attempts.values().stream().filter(attempt -> attempt.messageId().equals(id)).toList();
    }

    @Override
    public synchronized Map<MessageId, List<DeliveryAttempt>> attempts(List<MessageId> ids) {
        Map<MessageId, List<DeliveryAttempt>> byMessage = new LinkedHashMap<>();
        attempts.values().stream().filter(attempt -> ids.contains(attempt.messageId()))
                .forEach(attempt -> byMessage.computeIfAbsent(attempt.messageId(), id -> new ArrayList<>()).add(attempt));
        return byMessage;
    }

    @Override
    public synchronized void recordAttempts(List<DeliveryAttempt> recorded) {
        recorded.forEach(attempt -> attempts.put(AttemptKey.of(attempt), attempt));
    }

    @Override
    public synchronized Optional<DeliveryAttempt> findAttempt(String provider, String providerMessageId) {
        return attempts.values().stream()
                .filter(attempt -> attempt.provider().equals(provider) && providerMessageId.equals(attempt.providerMessageId())).findFirst();
    }

    /** Only on the leaf's sent attempts, and only forward along {@link #ENGAGEMENT_ORDER}; the attempt keeps its time. */
    @Override
    public synchronized void recordEngagement(MessageId id, String leafId, MessageStatus engagement, Instant at) {
        attempts.replaceAll((key, a) -> {
            boolean sentOnLeaf = a.messageId().equals(id) && a.leafId().equals(leafId) && a.outcome() == AttemptOutcome.SENT;
            MessageStatus reached = a.engagement() == null ? MessageStatus.SENT : a.engagement();
            boolean forward = ENGAGEMENT_ORDER.contains(engagement) && ENGAGEMENT_ORDER.indexOf(reached) < ENGAGEMENT_ORDER.indexOf(engagement);
            return sentOnLeaf && forward ? new DeliveryAttempt(a.messageId(), a.leafId(), a.channel(), a.provider(), a.attempt(), a.outcome(),
                    a.providerMessageId(), a.error(), engagement, a.at()) : a;
        });
    }

    @Override
    public synchronized List<MessageId> findForRedrive(RedriveUseCase.MessageFilter filter, Optional<MessageId> after, int limit) {
        NavigableMap<MessageId, Message> candidates = after.map(id -> messages.tailMap(id, false)).orElse(messages);
        return candidates.values().stream()
                .filter(m -> m.status() == filter.status())
                .filter(m -> filter.template().map(template -> m.templateId().equals(Optional.of(template))).orElse(true))
                .filter(m -> filter.enqueued().from().map(from -> !m.enqueuedAt().isBefore(from)).orElse(true))
                .filter(m -> filter.enqueued().to().map(to -> m.enqueuedAt().isBefore(to)).orElse(true))
                .filter(m -> filter.provider().map(provider -> attempts(m.id()).stream().anyMatch(a -> a.provider().equals(provider))).orElse(true))
                .filter(m -> filter.channel().map(channel -> attempts(m.id()).stream().anyMatch(a -> a.channel() == channel)).orElse(true))
                .map(Message::id).limit(limit).toList();
    }

    @Override
    public synchronized void forgetDeliveries(List<MessageId> ids) {
        attempts.keySet().removeIf(key -> ids.contains(key.message()));
        ids.forEach(outputs::remove);
    }

    /**
     * For {@link InMemoryPersonalDataEraser}: the user's messages keep their status, times, channel and provider; their
     * recipient becomes the bare user id, and their data, inline content, rendered output and error texts go.
     */
    synchronized void erase(UserId userId) {
        List<Message> theirs = messages.values().stream().filter(m -> m.recipient().userId().equals(Optional.of(userId))).toList();
        for (Message m : theirs) {
            Map<String, Object> spec = JsonTrees.deepCopy(m.spec().raw());
            spec.remove("data");
            spec.put("to", Map.of("user_id", userId.value()));
            spec.computeIfPresent("content", (field, content) -> Map.of("title", "(erased)", "body", "(erased)"));
            messages.put(m.id(), Message.reconstitute(m.id(), m.requestId(), MessageSpec.parse(spec), m.event(), m.automationRunId(),
                    m.enqueuedAt(), m.deliverAt(), m.expiresAt(), m.status(), m.reason(), Optional.empty(), m.templateId(), m.channel(),
                    m.provider(), m.plan(), m.milestones()));
            history.put(m.id(), new ArrayList<>(history.get(m.id()).stream().map(entry -> {
                Map<String, Object> details = new LinkedHashMap<>(entry.details());
                details.remove("error");
                return new HistoryEntry(entry.type(), entry.at(), details);
            }).toList()));
            outputs.remove(m.id());
            attempts.replaceAll((key, a) -> !a.messageId().equals(m.id()) ? a : new DeliveryAttempt(a.messageId(), a.leafId(), a.channel(),
                    a.provider(), a.attempt(), a.outcome(), a.providerMessageId(), null, a.engagement(), a.at()));
        }
    }

    /**
     * For {@link InMemoryRetentionStore}: up to {@code limit} messages enqueued before {@code cutoff} and past sending, with
     * all they hold.
     */
    synchronized List<MessageId> deleteEndedBefore(Instant cutoff, int limit) {
        List<MessageId> old = messages.values().stream()
                .filter(m -> m.enqueuedAt().isBefore(cutoff) && !m.status().isBeforeSending()).map(Message::id).limit(limit).toList();
        old.forEach(messages::remove);
        old.forEach(history::remove);
        forgetDeliveries(old);
        return old;
    }

    private static Message copy(Message m) {
        return Message.reconstitute(m.id(), m.requestId(), MessageSpec.parse(m.spec().raw()), m.event(), m.automationRunId(),
                m.enqueuedAt(), m.deliverAt(), m.expiresAt(), m.status(), m.reason(), m.error(), m.templateId(), m.channel(),
                m.provider(), m.plan(), m.milestones());
    }
}
