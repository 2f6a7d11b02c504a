package io.herald.bootstrap.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.MutableTestClock;
import io.herald.bootstrap.support.TimeDriver;
import io.herald.persistence.durable.DurableWork;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written by the previous release (b01cccb: migrations V1–V5, data from its own API, see
 * {@code upgrade/b01cccb/README.md}) migrates to the current schema at start, and every kind of row it held reads
 * back through today's API; the automation run it left waiting in a delay goes on.
 */
class SchemaUpgradeTest {

    private static final String DATABASE = "upgrade_b01cccb";
    /** In foreign-key order. */
    private static final List<String> TABLES = List.of("generated_api_key", "profiles", "push_tokens", "tenants", "tenant_members",
            "inbound_events", "scheduled_tasks", "templates", "preferences", "lists", "list_subscriptions", "messages",
            "message_history", "message_outputs", "delivery_attempts", "idempotency_keys", "automations", "automation_runs");
    private static final String KEY = "upgrade-key";
    /** Just after the last row of the data was written (the files' times are in UTC). */
    private static final String RECORDED_AT = "2026-12-01T20:46:00Z";

    @Test
    void aDatabaseOfThePreviousReleaseMigratesWithItsDataIntact() throws Exception {
        DataSource database = SharedPostgres.freshDatabase(DATABASE);
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(MigrationVersion.fromVersion("5"))
                .load().migrate();
        load(database);

        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url", SharedPostgres.jdbcUrl(DATABASE),
                "datasources.default.username", SharedPostgres.username(),
                "datasources.default.password", "",
                "herald.auth.api-keys", KEY,
                "herald.test.clock", "mutable",
                // When b01cccb wrote the data: its run waits until 22:45:48 that day, whatever today is.
                "herald.test.clock.start", RECORDED_AT,
                "micronaut.server.port", "-1"))) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            Api api = new Api(server.getURI(), KEY);
            Http http = api.http();

            JsonNode profile = http.get("/profiles/alex").json().path("profile");
            assertThat(profile.path("email").asText()).isEqualTo("alex@example.org");
            assertThat(profile.path("phone_number").asText()).isEqualTo("+15550100");
            assertThat(profile.path("name").asText()).isEqualTo("Alex");
            assertThat(http.get("/tenants/acme").json().path("name").asText()).isEqualTo("Acme Inc");
            assertThat(http.get("/users/alex/tenants").body()).contains("acme");
            assertThat(http.get("/users/alex/tokens/device-old").status()).isEqualTo(200);
            JsonNode preference = http.get("/users/alex/preferences/onboarding").json().path("topic");
            assertThat(preference.path("status").asText()).isEqualTo("OPTED_IN");
            assertThat(preference.path("custom_routing").toString()).contains("inbox");
            assertThat(http.get("/lists/customers/subscriptions").body()).contains("alex");
            assertThat(http.get("/templates/welcome").json().path("channels").path("email").path("subject").asText())
                    .isEqualTo("Welcome {{first_name}}");

            JsonNode messages = http.get("/messages").json().path("results");
            assertThat(messages).hasSize(3).allSatisfy(message -> assertThat(message.path("status").asText()).isEqualTo("SENT"));
            String tracked = "1-01a2335b3f51-d5ebb5961bb510a2";
            assertThat(Http.texts(api.history(tracked), "type")).containsSubsequence("ENQUEUED", "ROUTED", "RENDERED", "SENT");
            assertThat(api.output(tracked).get(0).path("content").path("subject").asText()).isEqualTo("Welcome Alex");
            assertThat(api.message(tracked).path("channels")).singleElement()
                    .satisfies(leg -> assertThat(leg.path("outcome").asText()).isEqualTo("SENT"));
            assertThat(http.get("/inbound/events?limit=100").json().path("results")).hasSize(4);

            String run = "run-01a2335b40a8-88f6fdf01dff4a99";
            assertThat(http.get("/automations/onboarding").json().path("trigger").path("event").asText()).isEqualTo("Signed Up");
            assertThat(http.get("/automations/runs/" + run).json().path("status").asText()).isEqualTo("WAITING");
            TimeDriver time = new TimeDriver(context.getBean(MutableTestClock.class), context.getBean(DurableWork.class));
            assertThat(time.driveUntil(() -> http.get("/automations/runs/" + run).json().path("status").asText().equals("COMPLETED"),
                    Duration.ofMinutes(10), Duration.ofHours(3))).as("the wake-up the old release scheduled runs").isTrue();
            assertThat(http.get("/messages").json().path("results")).hasSize(4);

            String fresh = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"welcome\", \"data\": {\"first_name\": \"A\"}}");
            assertThat(api.awaitStatus(fresh, "SENT").path("channel").asText()).isEqualTo("email");
        }
    }

    private static void load(DataSource database) throws Exception {
        try (Connection connection = database.getConnection()) {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            for (String table : TABLES) {
                try (InputStream rows = SchemaUpgradeTest.class.getResourceAsStream("/upgrade/b01cccb/" + table + ".csv")) {
                    assertThat(rows).as(table).isNotNull();
                    postgres.getCopyAPI().copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", rows);
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (String table : List.of("inbound_events", "message_history")) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM " + table + "))");
                }
            }
        }
    }
}
