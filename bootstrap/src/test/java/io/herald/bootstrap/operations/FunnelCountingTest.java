package io.herald.bootstrap.operations;

import io.herald.application.port.in.CountFunnelUseCase;
import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.application.port.in.QueryMessagesUseCase.FunnelReport;
import io.herald.application.port.out.MessageRepository.FunnelDimension;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The funnel's past days are counted ahead by a recurring job, and read back as the messages stood then (ADR 0016). */
@MicronautTest(transactional = false)
class FunnelCountingTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    @Inject
    CountFunnelUseCase counting;

    @Inject
    QueryMessagesUseCase messages;

    private Api api;

    /**
     * The job runs at start-up, in the background: its first run is awaited (which shows it is scheduled and runs),
     * then the tables are emptied, which unschedules it for the rest of this context, so the tests drive it alone.
     */
    @BeforeEach
    void reset() {
        await().atMost(Duration.ofSeconds(30)).until(() -> Sql.count("SELECT count(*) FROM funnel_rollups") == 89
                || Sql.count("SELECT count(*) FROM scheduled_tasks") == 0);
        SharedPostgres.truncateAllTables();
        api = new Api(server.getURI(), API_KEY);
    }

    @Test
    void countedDaysAnswerAsTheMessagesDidAndChangeOnlyWhenCountedAgain() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(api.send("{\"to\": {\"user_id\": \"u" + i + "\"}, \"content\": {\"title\": \"t\", \"body\": \"b\"}, "
                    + "\"routing\": {\"method\": \"single\", \"channels\": [\"inbox\"]}}"));
        }
        sent.forEach(id -> api.awaitStatus(id, "SENT"));
        Sql.update("UPDATE messages SET enqueued_at = date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '12 hours' "
                + "WHERE message_id = ANY (?)", (Object) sent.subList(0, 2).toArray(new String[0]));
        FunnelReport live = messages.funnel(7, FunnelDimension.CHANNEL, Optional.empty());
        assertThat(live.days().get(5).counts().sent()).as("yesterday").isEqualTo(2);
        assertThat(live.days().get(6).counts().sent()).as("today").isEqualTo(1);

        assertThat(counting.countDueDays()).isEqualTo(89);

        assertThat(messages.funnel(7, FunnelDimension.CHANNEL, Optional.empty())).isEqualTo(live);
        Sql.update("UPDATE messages SET milestones = milestones || jsonb_build_object('OPENED', now()) WHERE message_id = ANY (?)",
                (Object) sent.toArray(new String[0]));
        FunnelReport meanwhile = messages.funnel(7, FunnelDimension.CHANNEL, Optional.empty());
        assertThat(meanwhile.days().get(5).counts().opened()).as("yesterday, as counted").isZero();
        assertThat(meanwhile.days().get(6).counts().opened()).as("today, live").isEqualTo(1);
        assertThat(counting.countDueDays()).as("nothing due yet").isZero();

        Sql.update("UPDATE funnel_rollups SET rolled_at = rolled_at - interval '5 minutes'");

        assertThat(counting.countDueDays()).as("yesterday, five minutes on").isEqualTo(1);
        assertThat(messages.funnel(7, FunnelDimension.CHANNEL, Optional.empty()).days().get(5).counts().opened()).isEqualTo(2);
        assertThat(messages.funnel(7, FunnelDimension.CHANNEL, Optional.empty()).groups())
                .singleElement().satisfies(group -> assertThat(group.counts().opened()).isEqualTo(3));
    }
}
