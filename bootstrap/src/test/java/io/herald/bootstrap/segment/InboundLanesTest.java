package io.herald.bootstrap.segment;

import io.herald.application.inbound.EventTrigger;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL, each with two drain threads, process a backlog both acknowledged, starting
 * together: every user's events are still processed in the order they were acknowledged.
 * (Without the lane turns, turns of the four threads take the same users' events at once, and this test fails.)
 */
class InboundLanesTest {

    private static final int USERS = 200;
    private static final int EVENTS_PER_USER = 100;

    /** Records, per user, the order in which track events were processed, and which instance processed them. */
    @Singleton
    @Requires(property = "test.inbound-order.instance")
    static final class ProcessingOrder implements EventTrigger {

        static final Map<String, List<Integer>> SEEN = new ConcurrentHashMap<>();
        static final Set<String> INSTANCES = ConcurrentHashMap.newKeySet();

        private final String instance;

        ProcessingOrder(@Value("${test.inbound-order.instance}") String instance) {
            this.instance = instance;
        }

        @Override
        public Batch forEvents(Set<String> eventNames) {
            return event -> {
                INSTANCES.add(instance);
                SEEN.computeIfAbsent(event.userId().orElseThrow().value(), user -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(((Number) event.properties().get("seq")).intValue());
                return List.of();
            };
        }
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        ProcessingOrder.SEEN.clear();
        ProcessingOrder.INSTANCES.clear();
    }

    private static Map<String, Object> instance(String name) {
        Map<String, Object> properties = new HashMap<>(SharedPostgres.micronautProperties());
        properties.put("herald.auth.api-keys", HeraldTest.API_KEY);
        properties.put("micronaut.server.port", -1);
        properties.put("herald.scheduler.inbound-threads", 2);
        properties.put("test.inbound-order.instance", name);
        return properties;
    }

    @Test
    void twoInstancesEachProcessAShareAndEveryUsersEventsStayInOrder() throws Exception {
        // The lock an older Herald takes for its single turn holds every lane turn back (ADR 0013, rolling upgrades):
        // with it held, both instances acknowledge a backlog, and both start on it once it is released.
        try (Connection olderVersion = SharedPostgres.dataSource().getConnection();
             ApplicationContext a = ApplicationContext.run(EmbeddedServer.class, instance("a")).getApplicationContext();
             ApplicationContext b = ApplicationContext.run(EmbeddedServer.class, instance("b")).getApplicationContext()) {
            olderVersion.setAutoCommit(false);
            try (Statement statement = olderVersion.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + 0x4865_7261_6c64_0001L + ")");
            }
            List<Http> instances = List.of(api(a), api(b));
            for (int seq = 0; seq < EVENTS_PER_USER; seq++) {
                for (int half = 0; half < 2; half++) {
                    int n = seq;
                    String events = String.join(",", IntStream.range(half * USERS / 2, (half + 1) * USERS / 2).mapToObj(user -> """
                            {"type": "track", "messageId": "lane-%d-%d", "userId": "user-%d", "event": "Lane Probe", "properties": {"seq": %d}}"""
                            .formatted(n, user, user, n)).toList());
                    assertThat(instances.get(half).post("/v1/batch", "{\"batch\": [" + events + "]}").status()).isEqualTo(200);
                }
            }
            assertThat(Sql.count("SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'"))
                    .as("nothing processed while an older version's turn is held").isEqualTo(USERS * EVENTS_PER_USER);
            olderVersion.commit();

            await().atMost(Duration.ofSeconds(90))
                    .until(() -> Sql.count("SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'") == 0);
        }

        List<Integer> inOrder = IntStream.range(0, EVENTS_PER_USER).boxed().toList();
        assertThat(ProcessingOrder.SEEN).hasSize(USERS)
                .allSatisfy((user, seen) -> assertThat(seen).as("%s's events, in the order processed", user).isEqualTo(inOrder));
        // Which instance took how much depends on which polls first after the release (the first turn takes every
        // lane with work until a backlog shows); the share is measured in bench/drain-scaling.sh, not asserted here.
        assertThat(ProcessingOrder.INSTANCES).as("instances that processed events").isNotEmpty().isSubsetOf("a", "b");
        assertThat(Sql.count("SELECT count(*) FROM inbound_events WHERE status <> 'UNMAPPED'")).isZero();
        assertThat(Sql.count("SELECT count(DISTINCT lane) FROM inbound_events")).as("the users spread over every lane").isEqualTo(16);
    }

    private static Http api(ApplicationContext context) {
        return Http.to(context.getBean(EmbeddedServer.class).getURI()).withApiKey(HeraldTest.API_KEY);
    }
}
