package io.herald.persistence.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.application.port.Page;
import io.herald.application.port.out.DeliveryLooks;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.InboundEventLog.InboundEventRecord;
import io.herald.application.port.out.InboundEventLog.NewInboundEvent;
import io.herald.application.port.out.InboundEventLog.Outcome;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.inbound.InboundEventStatus;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.message.MessageStatus;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.DeliveryPlan;
import io.herald.domain.routing.RoutingDecision;
import io.herald.domain.routing.RoutingNode;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * pgjdbc prepares a statement on the server from its fifth execution on, and PostgreSQL may then plan it once for any
 * parameters (a generic plan). Each list shape here runs through its repository with {@code plan_cache_mode =
 * force_generic_plan}, and the generic plan PostgreSQL cached for that very statement is explained. On these rows a page
 * with one filter (or none) must walk that filter's index in the page's order, with no Seq Scan and no Sort, so it reads
 * its own rows whatever the table holds (where each value has only a handful of rows, the planner may as well read them
 * all through the index and sort); a page with several filters must be read through their indexes, never by the key
 * alone.
 * The guarded SQL this replaced, {@code (? IS NULL OR col = ?)}, fails every filtered shape here (its generic plan walks
 * the primary key and filters), and so does a plain {@code col = ?} for status and template.
 *
 * <p>The tables get 20,000 rows and ANALYZE first, rather than {@code enable_seqscan = off}: the point is the plan
 * PostgreSQL picks by its costs, and on a few rows a Seq Scan is the right plan for any SQL. At this size ANALYZE reads
 * every row, so the statistics, and the plans, are the same on every run.
 */
@MicronautTest(startApplication = false, transactional = false)
class ListQueryPlansTest implements PostgresTest {

    private static final int ROWS = 20_000;
    private static final int LIMIT = 20;
    /** pgjdbc's default prepareThreshold is 5: the sixth execution is the second one with a server-side statement. */
    private static final int EXECUTIONS = 6;
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MessageRepository messages;

    @Inject
    InboundEventLog inboundEvents;

    @Inject
    DeliveryLooks deliveryLooks;

    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeAll
    void fillAndAnalyze() throws SQLException {
        SharedPostgres.truncateAllTables();
        for (int first = 0; first < ROWS; first += 1_000) {
            List<Message> batch = new ArrayList<>();
            for (int i = first; i < first + 1_000; i++) {
                batch.add(message(i));
            }
            messages.insertAll(batch);
            for (int i = first; i < first + 1_000; i++) {
                moveOn(batch.get(i - first), i);
            }
            messages.saveAll(batch);
        }
        List<NewInboundEvent> events = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            events.add(new NewInboundEvent("event-" + i, "segment", "track", "Event " + i % 50, "user-" + i % 1_000,
                    Map.of("event", "Event " + i % 50), START.plusSeconds(i)));
        }
        List<Long> ids = inboundEvents.appendNew(events);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            InboundEventStatus status = i % 10 == 0 ? InboundEventStatus.UNMAPPED : i % 10 == 1 ? InboundEventStatus.FAILED
                    : InboundEventStatus.MAPPED;
            outcomes.add(new Outcome(ids.get(i), status, List.of(), List.of(), null, START.plusSeconds(i + 1)));
        }
        inboundEvents.recordOutcomes(outcomes);
        try (Connection connection = SharedPostgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE messages");
            statement.execute("ANALYZE inbound_events");
        }
    }

    @AfterAll
    void empty() {
        SharedPostgres.truncateAllTables();
    }

    /** A message as a send makes it: ids sort by creation time; recipients, templates and requests spread. */
    private static Message message(int i) {
        String user = "user-" + (i * 7_919) % 200;
        String template = "template-" + i % 7;
        String request = "request-" + i / 100;
        return Message.enqueue(new MessageId(String.format("1-%012x-%016x", START.toEpochMilli() + i, i)), request,
                MessageSpec.parse(Map.of("to", Map.of("user_id", user), "template", template)), Optional.empty(), Optional.empty(),
                START.plusMillis(i));
    }

    /** Most messages go out; a few are canceled first, a few are still waiting. */
    private static void moveOn(Message message, int i) {
        Instant at = message.enqueuedAt().plusSeconds(1);
        if (i % 10 == 0) {
            message.cancel(at);
        } else if (i % 10 != 1) {
            message.route(new RoutingDecision.Routed(DeliveryPlan.of(RoutingNode.single(Channel.EMAIL))), at);
            message.sent("0", "console", "console-" + i, at);
        }
    }

    private static MessageQuery query(String recipient, MessageStatus status, String template, String request) {
        return new MessageQuery(Optional.ofNullable(recipient), Optional.ofNullable(status), Optional.ofNullable(template),
                Optional.ofNullable(request), Optional.empty(), LIMIT);
    }

    static Stream<Arguments> oneFilterOrNone() {
        return Stream.of(
                arguments("newest first", query(null, null, null, null), "messages_pkey", null),
                arguments("by recipient", query("user-7", null, null, null), "messages_by_recipient", "recipient"),
                arguments("by status", query(null, MessageStatus.CANCELED, null, null), "messages_by_status", "status"),
                arguments("by template", query(null, null, "template-3", null), "messages_by_template", "template_id"),
                arguments("by request", query(null, null, null, "request-42"), "messages_by_request", "request_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneFilterOrNone")
    void aMessagePageWalksTheIndexOfItsFilterUnderAGenericPlan(String shape, MessageQuery firstPage, String index, String column) {
        forBothPages(firstPage, (query, plan) -> plan.assertWalksBackward("messages", index, positionedBy(column, query.cursor(), "message_id")));
    }

    /** With several filters the planner may also combine their indexes; what it must not do is read by the key alone. */
    static Stream<Arguments> severalFilters() {
        return Stream.of(
                arguments("by status and recipient", query("user-7", MessageStatus.SENT, null, null)),
                arguments("by template and status", query(null, MessageStatus.CANCELED, "template-3", null)),
                arguments("by every filter", query("user-198", MessageStatus.SENT, "template-0", "request-0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("severalFilters")
    void aMessagePageWithSeveralFiltersIsReadThroughTheirIndexesUnderAGenericPlan(String shape, MessageQuery firstPage) {
        List<String> indexes = Stream.of(firstPage.recipient().map(given -> "messages_by_recipient"),
                firstPage.status().map(given -> "messages_by_status"), firstPage.notification().map(given -> "messages_by_template"),
                firstPage.requestId().map(given -> "messages_by_request")).flatMap(Optional::stream).toList();
        forBothPages(firstPage, (query, plan) -> plan.assertReadsOnlyThrough(indexes));
    }

    /** The query and the one for the page after it (the same again when there is none), each checked with its plan. */
    private void forBothPages(MessageQuery firstPage, BiConsumer<MessageQuery, Plan> planCheck) {
        Page<Message> first = messages.list(firstPage);
        MessageQuery nextPage = new MessageQuery(firstPage.recipient(), firstPage.status(), firstPage.notification(),
                firstPage.requestId(), first.cursor(), LIMIT);

        for (MessageQuery query : List.of(firstPage, nextPage)) {
            Plan plan = genericPlanOf(() -> messages.list(query), page -> {
                assertThat(page.items()).isNotEmpty().allSatisfy(message -> {
                    firstPage.recipient().ifPresent(recipient -> assertThat(message.recipient().displayName()).isEqualTo(recipient));
                    firstPage.status().ifPresent(status -> assertThat(message.status()).isEqualTo(status));
                    firstPage.notification().ifPresent(template -> assertThat(message.templateId()).contains(template));
                    firstPage.requestId().ifPresent(request -> assertThat(message.requestId()).isEqualTo(request));
                    query.cursor().ifPresent(cursor -> assertThat(message.id()).isLessThan(first.items().get(LIMIT - 1).id()));
                });
                assertThat(page.items()).extracting(Message::id).isSortedAccordingTo(Comparator.reverseOrder());
            });
            planCheck.accept(query, plan);
        }
    }

    /**
     * Channel and provider have no index: a page sifts at most {@link MessageQuery#SIFTED} messages of the walk its
     * indexed filters give, in the walk's order (no Sort of what was walked), and where that walk holds too few matches
     * the page ends early with a cursor from which the search goes on. Here 80% of the messages went out by the console
     * provider on email, and none on push.
     */
    @org.junit.jupiter.api.Test
    void aChannelOrProviderFilterSiftsABoundedWalkAndGoesOnFromWhereItStopped() {
        MessageQuery byConsole = sifted(Optional.empty(), Optional.empty(), Optional.of("console"), Optional.empty(), Optional.empty());
        Plan plan = genericPlanOf(() -> messages.list(byConsole), page -> {
            assertThat(page.items()).hasSize(LIMIT).allSatisfy(message -> assertThat(message.provider()).contains("console"));
            assertThat(page.items()).extracting(Message::id).isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(page.hasMore()).isTrue();
        });
        assertThat(plan.nodes()).as(plan.root().toPrettyString()).extracting(node -> node.path("Node Type").asText())
                .doesNotContain("Seq Scan", "Sort", "Incremental Sort").contains("Index Scan");
        Plan byStatus = genericPlanOf(() -> messages.list(sifted(Optional.empty(), Optional.of(MessageStatus.SENT), Optional.empty(),
                Optional.of(Channel.EMAIL), Optional.empty())), page -> assertThat(page.items()).hasSize(LIMIT));
        assertThat(byStatus.nodes()).as(byStatus.root().toPrettyString()).extracting(node -> node.path("Index Name").asText())
                .contains("messages_by_status");

        List<Integer> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Message> page = messages.list(new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(Channel.PUSH), Optional.empty(), Optional.empty(), Optional.empty(), cursor, LIMIT));
            pages.add(page.items().size());
            cursor = page.cursor();
        } while (cursor.isPresent() && pages.size() < 10);
        assertThat(pages).as("%d messages looked through %d at a time", ROWS, MessageQuery.SIFTED).containsExactly(0, 0, 0);
    }

    /** Ids carry their enqueue time, so a time range is a range of the key: read through the key's index, not filtered. */
    @org.junit.jupiter.api.Test
    void aTimeRangeIsARangeOfTheKeysIndex() {
        Optional<Instant> from = Optional.of(START.plusMillis(100));
        Optional<Instant> until = Optional.of(START.plusMillis(150));
        List<String> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Message> page = messages.list(new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), from, until, cursor, LIMIT));
            page.items().forEach(message -> listed.add(message.id().value()));
            cursor = page.cursor();
        } while (cursor.isPresent());
        assertThat(listed).containsExactlyElementsOf(Stream.iterate(149, i -> i >= 100, i -> i - 1)
                .map(i -> String.format("1-%012x-%016x", START.toEpochMilli() + i, i)).toList());
        Plan plan = genericPlanOf(() -> messages.list(new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), from, until, Optional.empty(), LIMIT)), page -> assertThat(page.items()).hasSize(LIMIT));
        plan.assertWalksBackward("messages", "messages_pkey", List.of("message_id"));
    }

    private static MessageQuery sifted(Optional<String> recipient, Optional<MessageStatus> status, Optional<String> provider,
                                       Optional<Channel> channel, Optional<String> cursor) {
        return new MessageQuery(recipient, status, Optional.empty(), Optional.empty(), channel, provider, Optional.empty(), Optional.empty(),
                cursor, LIMIT);
    }

    static Stream<Arguments> inboundShapes() {
        return Stream.of(
                arguments("newest first", Optional.empty(), "inbound_events_pkey", null),
                arguments("by status", Optional.of(InboundEventStatus.UNMAPPED), "inbound_events_by_status", "status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inboundShapes")
    void anInboundEventPageWalksTheIndexOfItsFilterUnderAGenericPlan(String shape, Optional<InboundEventStatus> status, String index,
                                                                     String column) {
        Page<InboundEventRecord> first = inboundEvents.list(status, Optional.empty(), LIMIT);

        for (Optional<String> cursor : List.of(Optional.<String>empty(), first.cursor())) {
            Plan plan = genericPlanOf(() -> inboundEvents.list(status, cursor, LIMIT), page -> {
                assertThat(page.items()).isNotEmpty().allSatisfy(event -> {
                    status.ifPresent(expected -> assertThat(event.status()).isEqualTo(expected));
                    cursor.ifPresent(c -> assertThat(event.id()).isLessThan(first.items().get(LIMIT - 1).id()));
                });
                assertThat(page.items()).extracting(InboundEventRecord::id).isSortedAccordingTo(Comparator.reverseOrder());
            });
            plan.assertWalksBackward("inbound_events", index, positionedBy(column, cursor, "id"));
        }
    }

    /** A user's recent events (the console's user page) are sifted from a bounded walk of the key, newest first, unsorted. */
    @org.junit.jupiter.api.Test
    void aUsersRecentEventsAreSiftedFromABoundedWalkOfTheKey() {
        Plan plan = genericPlanOf(() -> inboundEvents.recentOf("user-7", 5_000, 10), events -> {
            assertThat(events).hasSize(5).allSatisfy(event -> assertThat(event.userId()).isEqualTo("user-7"));
            assertThat(events).extracting(InboundEventRecord::id).isSortedAccordingTo(Comparator.reverseOrder());
        });
        plan.assertWalksBackward("inbound_events", "inbound_events_pkey", List.of());
    }

    /**
     * A drain turn on a backlog that arrived after the last ANALYZE (which saw no pending event at all): each lane's
     * oldest events are found by probes of the lane index, so a turn reads about what it takes however large the backlog
     * is and however far apart the lanes have drifted. The same holds with no statistics at all (a table never analyzed,
     * as after a burst of acknowledgements that autovacuum has not caught up with). Both earlier forms fail here: the
     * id-ordered walk of all pending events (read past every other lane's) with either statistics, and "lane = ? ORDER BY
     * id LIMIT n" per lane with none (a bitmap of the whole lane, sorted).
     */
    @ParameterizedTest(name = "statistics: {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"of an empty queue", "none"})
    void aDrainTurnReadsEachLanesOldestEventsThroughTheLaneIndexOnAFreshBacklog(String statistics) throws SQLException {
        if (statistics.equals("none")) {
            try (Connection connection = SharedPostgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM pg_statistic WHERE starelid = 'inbound_events'::regclass");
                statement.execute("UPDATE pg_class SET reltuples = -1 WHERE oid = 'inbound_events'::regclass");
            }
        }
        List<NewInboundEvent> backlog = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            backlog.add(new NewInboundEvent("pending-" + i, "segment", "identify", "identify", "user-" + i % 1_000,
                    Map.of("userId", "user-" + i % 1_000), START.plusSeconds(i)));
        }
        inboundEvents.appendNew(backlog);
        try {
            Plan plan = genericPlanOf(() -> inboundEvents.lockPending(List.of(0, 1, 2, 3), 500, START.plusSeconds(ROWS)), pending -> {
                assertThat(pending.events()).hasSize(500).allSatisfy(event -> assertThat(event.status()).isEqualTo(InboundEventStatus.RECEIVED));
                assertThat(pending.events()).extracting(InboundEventRecord::id).isSorted();
                assertThat(pending.moreDue()).isTrue();
            });
            List<JsonNode> scans = plan.nodes().stream().filter(node -> "inbound_events".equals(node.path("Relation Name").asText())).toList();
            assertThat(plan.nodes()).as(plan.root().toPrettyString()).extracting(node -> node.path("Node Type").asText())
                    .doesNotContain("Seq Scan", "Bitmap Heap Scan");
            assertThat(plan.nodes()).as("no sort, but of the events taken").filteredOn(node -> node.path("Node Type").asText().contains("Sort"))
                    .allSatisfy(sort -> assertThat(sort.path("Sort Key").toString()).isEqualTo("[\"inbound_events.id\"]"));
            assertThat(scans).as(plan.root().toPrettyString()).extracting(scan -> scan.path("Node Type").asText() + " " + scan.path("Index Name").asText())
                    .as("probes of the lane index, then the events taken by id")
                    .containsOnly("Index Scan inbound_events_pending_by_lane", "Index Scan inbound_events_pkey")
                    .contains("Index Scan inbound_events_pending_by_lane", "Index Scan inbound_events_pkey");
        } finally {
            try (Connection connection = SharedPostgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM inbound_events WHERE status = 'RECEIVED'");
                statement.execute("ANALYZE inbound_events");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A delivery turn on a fresh backlog of looks, planned on the statistics of an empty queue: the due index in due
     * order, each message by its key, and the taken rows deleted by row address. The looks of one send share a due
     * time; deleted by a join on their key instead, each row was a probe of the due index that read all of its send's
     * looks (the first form of the statement, measured in docs/performance.md), and joined on their addresses, this
     * test found a hash of the whole table.
     */
    @org.junit.jupiter.api.Test
    void aDeliveryTurnReadsDueLooksInOrderAndDeletesWhatItTookByRowAddress() throws SQLException {
        try (Connection connection = SharedPostgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE delivery_looks");
            statement.execute("""
                    INSERT INTO delivery_looks (message_id, due_at)
                    SELECT message_id, '%s'::timestamptz + (row_number() OVER (ORDER BY message_id) / 1000) * interval '1 second'
                    FROM messages""".formatted(START));
        }
        try {
            Plan plan = genericPlanOf(() -> deliveryLooks.takeDue(START.plusSeconds(3_600), 200),
                    taken -> assertThat(taken.looks()).isEqualTo(200));
            assertThat(plan.nodes()).as(plan.root().toPrettyString()).extracting(node -> node.path("Node Type").asText())
                    .doesNotContain("Seq Scan", "Bitmap Heap Scan", "Sort", "Hash Join");
            assertThat(plan.nodes()).as(plan.root().toPrettyString())
                    .filteredOn(node -> node.has("Relation Name") && !node.path("Node Type").asText().equals("ModifyTable"))
                    .extracting(node -> node.path("Node Type").asText() + " " + node.path("Relation Name").asText() + " "
                            + node.path("Index Name").asText(""))
                    .containsExactlyInAnyOrder("Index Scan delivery_looks delivery_looks_due", "Index Scan messages messages_pkey",
                            "Tid Scan delivery_looks ");
        } finally {
            try (Connection connection = SharedPostgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM delivery_looks");
            }
        }
    }

    /** The filter's column, and the page's key after a cursor. */
    private static List<String> positionedBy(String filter, Optional<String> cursor, String key) {
        return Stream.of(Optional.ofNullable(filter), cursor.map(c -> key)).flatMap(Optional::stream).toList();
    }

    /**
     * Runs {@code list} often enough, on one connection with generic plans forced, for pgjdbc to prepare it on the server,
     * checks what it returned, and explains the plan PostgreSQL cached for that statement: the one whose count of
     * generic plans grew.
     */
    private <T> Plan genericPlanOf(Supplier<T> list, Consumer<T> check) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                Map<String, Long> before = genericPlans(statement);
                for (int i = 0; i < EXECUTIONS; i++) {
                    check.accept(list.get());
                }
                List<String> planned = genericPlans(statement).entrySet().stream()
                        .filter(entry -> entry.getValue() > before.getOrDefault(entry.getKey(), 0L)).map(Map.Entry::getKey).toList();
                assertThat(planned).as("statements run with a generic plan").hasSize(1);
                return explain(statement, planned.get(0));
            }
        });
    }

    private static Map<String, Long> genericPlans(Statement statement) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT name, generic_plans FROM pg_prepared_statements")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** A generic plan does not depend on the values, so the statement is explained with a NULL of each parameter's type. */
    private static Plan explain(Statement statement, String name) throws SQLException {
        List<String> nulls = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT unnest(parameter_types)::text FROM pg_prepared_statements WHERE name = '"
                + name + "'")) {
            while (rows.next()) {
                nulls.add("NULL::" + rows.getString(1));
            }
        }
        String arguments = nulls.isEmpty() ? "" : "(" + String.join(", ", nulls) + ")";
        try (ResultSet rows = statement.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE \"" + name + "\"" + arguments)) {
            rows.next();
            return new Plan(JSON.readTree(rows.getString(1)).get(0).get("Plan"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Plan(JsonNode root) {

        List<JsonNode> nodes() {
            List<JsonNode> nodes = new ArrayList<>();
            collect(root, nodes);
            return nodes;
        }

        private static void collect(JsonNode node, List<JsonNode> into) {
            into.add(node);
            node.path("Plans").forEach(child -> collect(child, into));
        }

        /** One index scan of {@code table}, backward on {@code index}, positioned by {@code columns} (none: from the end). */
        void assertWalksBackward(String table, String index, List<String> columns) {
            Function<JsonNode, String> type = node -> node.path("Node Type").asText();
            assertThat(nodes()).as(root.toPrettyString()).extracting(type).doesNotContain("Seq Scan", "Sort", "Incremental Sort");
            List<JsonNode> scans = nodes().stream().filter(node -> table.equals(node.path("Relation Name").asText())).toList();
            assertThat(scans).as(root.toPrettyString()).singleElement().satisfies(scan -> {
                assertThat(type.apply(scan)).isIn("Index Scan", "Index Only Scan");
                assertThat(scan.path("Index Name").asText()).isEqualTo(index);
                assertThat(scan.path("Scan Direction").asText()).isEqualTo("Backward");
                columns.forEach(column -> assertThat(scan.path("Index Cond").asText()).contains(column));
            });
        }

        /** No Seq Scan, and every index read is one of {@code indexes}, bitmaps of several of them included. */
        void assertReadsOnlyThrough(List<String> indexes) {
            assertThat(nodes()).as(root.toPrettyString()).extracting(node -> node.path("Node Type").asText()).doesNotContain("Seq Scan");
            assertThat(nodes()).as(root.toPrettyString()).filteredOn(node -> node.has("Index Name"))
                    .extracting(node -> node.path("Index Name").asText()).isNotEmpty().allSatisfy(index -> assertThat(index).isIn(indexes));
        }
    }
}
