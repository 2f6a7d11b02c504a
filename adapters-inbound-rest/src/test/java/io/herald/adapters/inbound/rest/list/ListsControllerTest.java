package io.herald.adapters.inbound.rest.list;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingFake.Call;
import io.herald.adapters.inbound.rest.fakes.RecordingManageLists;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.port.Page;
import io.herald.application.port.out.ListRepository.Subscription;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.adapters.inbound.rest.support.Api.asAdmin;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class ListsControllerTest extends ApiTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-02-01T12:30:00Z");
    private static final Map<String, Object> WEEKLY_ONLY = Map.of("notifications", Map.of("digest", Map.of("status", "OPTED_IN")));
    private static final SubscriptionList BETA = new SubscriptionList("beta-testers", "Beta testers", WEEKLY_ONLY, CREATED, UPDATED);

    @Inject
    RecordingManageLists lists;

    @Test
    void listsArePagedWithThePatternAndCursorGiven() {
        lists.answerList(new Page<>(List.of(BETA), "cursor-2"));

        Reply reply = api.get("/lists?pattern=beta.*&cursor=cursor-1&limit=5");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(lists.onlyCall("list").arguments()).containsExactly(Optional.of("beta.*"), Optional.of("cursor-1"), 5);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"paging": {"cursor": "cursor-2", "more": true},
                 "items": [{"id": "beta-testers", "name": "Beta testers", "created": "2026-01-05T09:00:00Z",
                            "updated": "2026-02-01T12:30:00Z",
                            "preferences": {"notifications": {"digest": {"status": "OPTED_IN"}}}}]}"""));
    }

    @Test
    void theFirstPageHasTwentyAndTheLastSaysNoMore() {
        Reply reply = api.get("/lists");

        assertThat(lists.onlyCall("list").arguments()).containsExactly(Optional.empty(), Optional.empty(), 20);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"paging\": {\"cursor\": null, \"more\": false}, \"items\": []}"));
    }

    @Test
    void aLimitOutsideOneToAHundredIsRefused() {
        assertBadRequest(api.get("/lists?limit=0"), "limit must be between 1 and 100");
        assertBadRequest(api.get("/lists?limit=101"), "limit must be between 1 and 100");
        assertBadRequest(api.get("/lists/beta-testers/subscriptions?limit=500"), "limit must be between 1 and 100");
        assertThat(lists.calls()).isEmpty();
    }

    @Test
    void aLimitThatIsNoNumberIsRefused() {
        assertBadRequest(api.get("/lists?limit=ten"), "limit");
        assertThat(lists.calls()).isEmpty();
    }

    @Test
    void aListIsPutWithItsNameAndPreferences() {
        Reply reply = api.put("/lists/beta-testers",
                "{\"name\": \"Beta testers\", \"preferences\": {\"notifications\": {\"digest\": {\"status\": \"OPTED_IN\"}}}}");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(lists.onlyCall("put").arguments()).containsExactly("beta-testers", "Beta testers", WEEKLY_ONLY);
    }

    @Test
    void aListWithoutPreferencesHasNone() {
        api.put("/lists/beta-testers", "{\"name\": \"Beta testers\"}");

        assertThat(lists.onlyCall("put").arguments()).containsExactly("beta-testers", "Beta testers", null);
    }

    @Test
    void aListWithoutANameIsRefused() {
        assertBadRequest(api.put("/lists/beta-testers", "{\"preferences\": {}}"), "name is required and must be a string");
        assertThat(lists.calls()).isEmpty();
    }

    @Test
    void aListIsReadAndAnUnknownOneIsANotFound() {
        lists.know(new SubscriptionList("all-users", "All users", null, CREATED, CREATED));

        assertThat(api.get("/lists/all-users").json()).isEqualTo(Json.parse("""
                {"id": "all-users", "name": "All users", "created": "2026-01-05T09:00:00Z", "updated": "2026-01-05T09:00:00Z"}"""));
        assertApiError(api.get("/lists/nobody"), 404, "not_found", "No list 'nobody'");
    }

    @Test
    void deleteAnswersNoContent() {
        assertThat(api.delete("/lists/beta-testers").status()).isEqualTo(204);
        assertThat(lists.onlyCall("delete").arguments()).containsExactly("beta-testers");
    }

    @Test
    void subscriptionsArePaged() {
        lists.answerSubscriptions(new Page<>(List.of(new Subscription(UserId.of("u1"), null, CREATED),
                new Subscription(UserId.of("u2"), Map.of("notifications", Map.of()), UPDATED)), null));

        Reply reply = api.get("/lists/beta-testers/subscriptions?cursor=c9&limit=2");

        assertThat(lists.onlyCall("subscriptions").arguments()).containsExactly("beta-testers", Optional.of("c9"), 2);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"paging": {"cursor": null, "more": false},
                 "items": [{"recipientId": "u1", "created": "2026-01-05T09:00:00Z"},
                           {"recipientId": "u2", "created": "2026-02-01T12:30:00Z", "preferences": {"notifications": {}}}]}"""));
    }

    @Test
    void recipientsAreSubscribedInOrderWithTheirPreferences() {
        Reply reply = api.post("/lists/beta-testers/subscriptions", """
                {"recipients": [{"recipientId": "u1"},
                                {"recipientId": "u2", "preferences": {"notifications": {"digest": {"status": "OPTED_IN"}}}}]}""");

        assertThat(reply.status()).isEqualTo(204);
        Map<UserId, Map<String, Object>> expected = new LinkedHashMap<>();
        expected.put(UserId.of("u1"), Map.of());
        expected.put(UserId.of("u2"), WEEKLY_ONLY);
        assertThat(lists.onlyCall("subscribeAll").arguments()).containsExactly("beta-testers", expected, false);
        List<Object> order = List.copyOf(((Map<?, ?>) lists.onlyCall("subscribeAll").arguments().get(1)).keySet());
        assertThat(order).containsExactly(UserId.of("u1"), UserId.of("u2"));
    }

    @Test
    void putReplacesTheSubscribersWithTheRecipients() {
        Reply reply = api.put("/lists/beta-testers/subscriptions", "{\"recipients\": [{\"recipientId\": \"u3\"}]}");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(lists.onlyCall("subscribeAll").arguments()).containsExactly("beta-testers", Map.of(UserId.of("u3"), Map.of()), true);
    }

    @Test
    void aRecipientGivenTwiceOrTooManyRecipientsSubscribeNobody() {
        assertBadRequest(api.put("/lists/beta-testers/subscriptions", "{\"recipients\": [{\"recipientId\": \"u1\"}, {\"recipientId\": \"u1\"}]}"),
                "recipients[1].recipientId 'u1' is given twice");
        String many = "{\"recipients\": [" + String.join(",", Collections.nCopies(1001, "{\"recipientId\": \"u\"}")) + "]}";
        assertBadRequest(api.post("/lists/beta-testers/subscriptions", many),
                "recipients may hold at most 1000 subscribers per request; it has 1001");
        assertThat(lists.calls()).isEmpty();
    }

    @Test
    void aListIsRestoredWithTheEmptyBodyTheSdkSends() {
        assertThat(api.put("/lists/beta-testers/restore", "{}").status()).isEqualTo(204);
        assertThat(lists.onlyCall("restore").arguments()).containsExactly("beta-testers");
    }

    @Test
    void oneBadRecipientSubscribesNobody() {
        Reply reply = api.post("/lists/beta-testers/subscriptions",
                "{\"recipients\": [{\"recipientId\": \"u1\"}, {\"recipient\": \"u2\"}]}");

        assertBadRequest(reply, "recipients[1].recipientId is required and must be a string");
        assertThat(lists.calls()).isEmpty();
    }

    @Test
    void aBlankRecipientSubscribesNobody() {
        Reply reply = api.post("/lists/beta-testers/subscriptions",
                "{\"recipients\": [{\"recipientId\": \"u1\"}, {\"recipientId\": \" \"}]}");

        assertBadRequest(reply, "recipients[1].recipientId must be 1 to 512 characters");
        assertThat(lists.calls()).isEmpty();
    }

    @Test
    void recipientPreferencesMustBeAnObject() {
        assertBadRequest(api.post("/lists/beta-testers/subscriptions", "{\"recipients\": [{\"recipientId\": \"u1\", \"preferences\": true}]}"),
                "recipients[0].preferences must be an object");
        assertBadRequest(api.post("/lists/beta-testers/subscriptions", "{\"recipients\": {\"recipientId\": \"u1\"}}"),
                "recipients must be an array");
        assertBadRequest(api.post("/lists/beta-testers/subscriptions", "{}"), "recipients is required and must be an array");
        assertThat(lists.calls()).isEmpty();
    }

    @Test
    void oneUserIsSubscribedWithOrWithoutABody() {
        Reply bare = api.send(asAdmin(HttpRequest.PUT("/lists/beta-testers/subscriptions/u1", "")));
        Reply withPreferences = api.put("/lists/beta-testers/subscriptions/u2", "{\"preferences\": {\"notifications\": {\"digest\": {\"status\": \"OPTED_IN\"}}}}");

        assertThat(bare.status()).as(bare.body()).isEqualTo(204);
        assertThat(withPreferences.status()).isEqualTo(204);
        assertThat(lists.calls()).extracting(Call::arguments).containsExactly(
                List.of("beta-testers", UserId.of("u1"), Map.of()),
                List.of("beta-testers", UserId.of("u2"), WEEKLY_ONLY));
    }

    @Test
    void oneUserIsUnsubscribed() {
        assertThat(api.delete("/lists/beta-testers/subscriptions/u1").status()).isEqualTo(204);
        assertThat(lists.onlyCall("unsubscribe").arguments()).containsExactly("beta-testers", UserId.of("u1"));
    }

    @Test
    void aProfilesListsAreRead() {
        lists.answerListsOf(List.of(BETA));

        Reply reply = api.get("/profiles/u1/lists");

        assertThat(lists.onlyCall("listsOf").arguments()).containsExactly(UserId.of("u1"));
        assertThat(reply.at("paging")).isEqualTo(Map.of("more", false));
        assertThat(reply.at("results.0.id")).isEqualTo("beta-testers");
    }

    @Test
    void aProfileIsSubscribedToSeveralLists() {
        Reply reply = api.post("/profiles/u1/lists", """
                {"lists": [{"listId": "beta-testers"},
                           {"listId": "digest", "preferences": {"notifications": {"digest": {"status": "OPTED_IN"}}}}]}""");

        assertThat(reply.json()).isEqualTo(Json.parse("{\"status\": \"SUCCESS\"}"));
        assertThat(lists.calls()).extracting(Call::arguments).containsExactly(
                List.of("beta-testers", UserId.of("u1"), Map.of()),
                List.of("digest", UserId.of("u1"), WEEKLY_ONLY));
    }

    @Test
    void oneBadListSubscribesTheProfileToNone() {
        assertBadRequest(api.post("/profiles/u1/lists", "{\"lists\": [{\"listId\": \"beta-testers\"}, {\"listId\": 7}]}"),
                "lists[1].listId is required and must be a string");
        assertBadRequest(api.post("/profiles/u1/lists", "{\"listIds\": [\"beta-testers\"]}"), "lists is required and must be an array");
        assertThat(lists.calls()).isEmpty();
    }

    @Test
    void aProfileIsUnsubscribedFromEveryList() {
        assertThat(api.delete("/profiles/u1/lists").json()).isEqualTo(Json.parse("{\"status\": \"SUCCESS\"}"));
        assertThat(lists.onlyCall("unsubscribeFromAll").arguments()).containsExactly(UserId.of("u1"));
    }
}
