package io.herald.bootstrap.send;

import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Sql;
import io.herald.bootstrap.support.TestProviders;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each message reaches its provider exactly once: after Herald stops between ENQUEUED and SENT and starts
 * again, and when two Herald instances share one PostgreSQL. The provider here is remote (called between
 * transactions) and counts every call it receives, on every instance.
 */
class ExactlyOnceTest {

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        TestProviders.reset();
    }

    private static ApplicationContext herald(boolean runsDurableWork) {
        Map<String, Object> properties = new HashMap<>(SharedPostgres.micronautProperties());
        properties.put("herald.auth.api-keys", HeraldTest.API_KEY);
        properties.put("herald.scheduler.enabled", runsDurableWork);
        properties.put("herald.test.providers", "true");
        properties.put("herald.channels.email.providers", "counting");
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext();
    }

    private static Api api(ApplicationContext context) {
        return new Api(context.getBean(EmbeddedServer.class).getURI(), HeraldTest.API_KEY);
    }

    private static final String MESSAGE = "{\"to\": {\"email\": \"pat@example.org\"}, \"content\": {\"title\": \"Hi\", \"body\": \"n\"}}";

    @Test
    void aMessageEnqueuedBeforeHeraldStoppedIsSentOnceAfterItStartsAgain() {
        List<String> ids = new ArrayList<>();
        try (ApplicationContext stopping = herald(false)) {
            Api api = api(stopping);
            for (int i = 0; i < 20; i++) {
                ids.add(api.send(MESSAGE));
            }
            assertThat(api.message(ids.get(0)).path("status").asText()).isEqualTo("ENQUEUED");
        }

        try (ApplicationContext restarted = herald(true)) {
            Api api = api(restarted);
            for (String id : ids) {
                api.awaitStatus(id, "SENT");
            }
        }

        for (String id : ids) {
            assertThat(TestProviders.calls("counting", id)).as(id).isEqualTo(1);
            assertThat(Sql.count("SELECT count(*) FROM message_history WHERE message_id = ? AND type = 'SENT'", id)).isEqualTo(1);
        }
    }

    @Test
    void twoInstancesOnOnePostgresSendEachOfAThousandMessagesOnce() throws Exception {
        try (ApplicationContext first = herald(true); ApplicationContext second = herald(true)) {
            List<Api> instances = List.of(api(first), api(second));
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<String>> sends = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Api api = instances.get(i % 2);
                sends.add(clients.submit(() -> api.send(MESSAGE)));
            }
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            for (Future<String> send : sends) {
                ids.add(send.get());
            }
            clients.shutdown();

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Sql.count("SELECT count(*) FROM messages WHERE status = 'SENT'") == 1000);

            assertThat(ids).doesNotHaveDuplicates().hasSize(1000);
            for (String id : ids) {
                assertThat(TestProviders.calls("counting", id)).as(id).isEqualTo(1);
            }
            assertThat(TestProviders.CALLS.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum()).isEqualTo(1000);
            assertThat(Sql.count("SELECT count(*) FROM message_history WHERE type = 'SENT'")).isEqualTo(1000);
            assertThat(Sql.count("SELECT count(*) FROM delivery_attempts")).isEqualTo(1000);
            assertThat(TestProviders.INSTANCES.get("counting")).as("both instances delivered").hasSize(2);
        }
    }
}
