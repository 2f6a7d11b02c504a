package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.out.InboxRepository;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.application.contract.MessageExamples.id;
import static io.herald.application.contract.MessageExamples.toUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link InboxRepository} must do; run against the in-memory fake and PostgreSQL. An inbox entry is the
 * delivery of a stored message, so each test stores the message first.
 */
public abstract class InboxRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final UserId ALEX = UserId.of("alex");
    private static final UserId KIM = UserId.of("kim");

    protected abstract Stores emptyStores();

    private static InboxEntry entry(String message, UserId user, Map<String, Object> content) {
        return new InboxEntry(id(message), user, content, NOW, null, null, null);
    }

    private static InboxRepository delivered(Stores stores, InboxEntry... entries) {
        for (InboxEntry entry : entries) {
            stores.messages().insertAll(List.of(toUser(entry.messageId().value(), entry.userId().value(), NOW)));
            stores.inbox().add(entry);
        }
        return stores.inbox();
    }

    private static List<String> ids(Page<InboxEntry> page) {
        return page.items().stream().map(entry -> entry.messageId().value()).toList();
    }

    @Test
    void anEntryIsReadBack_andADeliveryRepeatedDoesNotAddOrChangeIt() {
        Stores stores = emptyStores();
        InboxEntry first = entry("m-1", ALEX, Map.of("title", "Welcome", "body", "Hi", "data", Map.of("n", 1)));
        InboxRepository inbox = delivered(stores, first);

        inbox.add(new InboxEntry(id("m-1"), ALEX, Map.of("title", "Again"), NOW.plusSeconds(60), null, null, null));

        assertThat(inbox.find(ALEX, id("m-1"))).contains(first);
        assertThat(inbox.list(ALEX, true, Optional.empty(), 10).items()).containsExactly(first);
        assertThat(inbox.find(KIM, id("m-1"))).isEmpty();
        assertThat(inbox.find(ALEX, id("m-2"))).isEmpty();
    }

    @Test
    void aUsersInboxIsListedNewestFirstAPageAtATime_archivedOnlyWhenAskedFor() {
        Stores stores = emptyStores();
        InboxRepository inbox = delivered(stores, entry("m-1", ALEX, Map.of()), entry("m-2", KIM, Map.of()), entry("m-3", ALEX, Map.of()),
                entry("m-4", ALEX, Map.of()), entry("m-5", ALEX, Map.of()));
        inbox.mark(ALEX, id("m-4"), "archive", NOW);

        Page<InboxEntry> first = inbox.list(ALEX, true, Optional.empty(), 2);
        Page<InboxEntry> last = inbox.list(ALEX, true, first.cursor(), 2);
        assertThat(ids(first)).containsExactly("m-5", "m-4");
        assertThat(ids(last)).containsExactly("m-3", "m-1");
        assertThat(last.hasMore()).isFalse();

        Page<InboxEntry> unarchived = inbox.list(ALEX, false, Optional.empty(), 2);
        assertThat(ids(unarchived)).containsExactly("m-5", "m-3");
        assertThat(ids(inbox.list(ALEX, false, unarchived.cursor(), 2))).containsExactly("m-1");
        assertThat(ids(inbox.list(KIM, false, Optional.empty(), 10))).containsExactly("m-2");
        assertThat(inbox.list(UserId.of("nobody"), true, Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void eachActionKeepsTheTimeItWasFirstTaken() {
        Stores stores = emptyStores();
        InboxRepository inbox = delivered(stores, entry("m-1", ALEX, Map.of("title", "Welcome")));
        Instant read = NOW.plusSeconds(10);
        Instant clicked = NOW.plusSeconds(20);
        Instant archived = NOW.plusSeconds(30);

        inbox.mark(ALEX, id("m-1"), "read", read);
        inbox.mark(ALEX, id("m-1"), "click", clicked);
        inbox.mark(ALEX, id("m-1"), "read", clicked);
        inbox.mark(ALEX, id("m-1"), "archive", archived);
        inbox.mark(ALEX, id("m-1"), "click", archived.plusSeconds(1));

        assertThat(inbox.find(ALEX, id("m-1"))).contains(new InboxEntry(id("m-1"), ALEX, Map.of("title", "Welcome"), NOW, read, clicked,
                archived));
    }

    @Test
    void anotherUserCannotMarkAnEntry() {
        Stores stores = emptyStores();
        InboxRepository inbox = delivered(stores, entry("m-1", ALEX, Map.of()));

        inbox.mark(KIM, id("m-1"), "read", NOW);
        inbox.mark(ALEX, new MessageId("m-unknown"), "read", NOW);

        assertThat(inbox.find(ALEX, id("m-1")).orElseThrow().read()).isNull();
    }

    private static List<String> events(InboxRepository inbox, UserId user, long after) {
        return inbox.eventsAfter(user, after, 100).stream()
                .map(event -> event.type() + event.messageId().map(id -> ":" + id.value()).orElse("")).toList();
    }

    @Test
    void everyChangeAUserWouldSeeIsAnEventOfTheirs_inOrder_andOnlyWhenSomethingChanged() {
        Stores stores = emptyStores();
        InboxRepository inbox = delivered(stores, entry("m-1", ALEX, Map.of()), entry("m-2", ALEX, Map.of()), entry("m-3", KIM, Map.of()));
        long delivered = inbox.latestEventId(ALEX);

        assertThat(inbox.mark(ALEX, id("m-1"), "read", NOW)).isTrue();
        assertThat(inbox.mark(ALEX, id("m-1"), "read", NOW.plusSeconds(1))).as("read already").isFalse();
        assertThat(inbox.mark(ALEX, id("m-1"), "click", NOW)).isTrue();
        assertThat(inbox.markUnread(ALEX, id("m-1"), NOW)).isTrue();
        assertThat(inbox.markUnread(ALEX, id("m-1"), NOW)).as("unread already").isFalse();
        assertThat(inbox.mark(ALEX, id("m-2"), "archive", NOW)).isTrue();
        assertThat(inbox.mark(KIM, id("m-1"), "read", NOW)).as("not Kim's").isFalse();

        assertThat(events(inbox, ALEX, 0)).containsExactly("message:m-1", "message:m-2", "read:m-1", "unread:m-1", "archive:m-2");
        assertThat(events(inbox, ALEX, delivered)).containsExactly("read:m-1", "unread:m-1", "archive:m-2");
        assertThat(events(inbox, KIM, 0)).containsExactly("message:m-3");
        assertThat(inbox.eventsAfter(ALEX, 0, 2)).hasSize(2);
        assertThat(inbox.latestEventId(UserId.of("nobody"))).isZero();
        assertThat(inbox.latestEventId(ALEX)).isGreaterThan(inbox.latestEventId(KIM));
        assertThat(inbox.find(ALEX, id("m-1")).orElseThrow().read()).isNull();
    }

    @Test
    void theUnreadCountLeavesOutReadAndArchived_andReadAllMarksTheRestInOneEvent() {
        Stores stores = emptyStores();
        InboxRepository inbox = delivered(stores, entry("m-1", ALEX, Map.of()), entry("m-2", ALEX, Map.of()), entry("m-3", ALEX, Map.of()),
                entry("m-4", ALEX, Map.of()), entry("m-5", KIM, Map.of()));
        inbox.mark(ALEX, id("m-1"), "read", NOW);
        inbox.mark(ALEX, id("m-2"), "archive", NOW);
        assertThat(inbox.unreadCount(ALEX)).isEqualTo(2);
        long before = inbox.latestEventId(ALEX);

        assertThat(inbox.markAllRead(ALEX, NOW.plusSeconds(5))).isEqualTo(2);
        assertThat(inbox.markAllRead(ALEX, NOW.plusSeconds(6))).as("nothing left to read").isZero();

        assertThat(inbox.unreadCount(ALEX)).isZero();
        assertThat(inbox.unreadCount(KIM)).isEqualTo(1);
        assertThat(inbox.find(ALEX, id("m-2")).orElseThrow().read()).as("archived stays as it was").isNull();
        assertThat(inbox.find(ALEX, id("m-3")).orElseThrow().read()).isEqualTo(NOW.plusSeconds(5));
        assertThat(events(inbox, ALEX, before)).containsExactly("read-all");
    }

    @Test
    void anotherChannelOfTheSendOpenedMarksTheInboxEntryRead_onceAndForItsUser() {
        Stores stores = emptyStores();
        InboxRepository inbox = delivered(stores, entry("m-1", ALEX, Map.of()));

        assertThat(inbox.markReadOfMessage(id("m-1"), NOW)).contains(ALEX);
        assertThat(inbox.markReadOfMessage(id("m-1"), NOW)).isEmpty();
        assertThat(inbox.markReadOfMessage(id("m-9"), NOW)).isEmpty();
        assertThat(inbox.find(ALEX, id("m-1")).orElseThrow().read()).isEqualTo(NOW);
        assertThat(events(inbox, ALEX, 0)).containsExactly("message:m-1", "read:m-1");
    }
}
