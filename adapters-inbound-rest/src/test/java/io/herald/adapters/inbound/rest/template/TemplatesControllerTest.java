package io.herald.adapters.inbound.rest.template;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingManageTemplates;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.Page;
import io.herald.domain.routing.Channel;
import io.herald.domain.template.Template;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class TemplatesControllerTest extends ApiTest {

    private static final String ORDER_COMPLETED = """
            {"name": "Order completed", "topic": "orders", "events": ["Order Completed"],
             "channels": {"email": {"subject": "Your order {{order_id}}", "html": "<p>Thanks, {{profile.name}}</p>"},
                          "sms": {"body": "Order {{order_id}} confirmed"}}}""";

    @Inject
    RecordingManageTemplates templates;

    @Test
    void aTemplateIsSavedAndAnsweredWithItsDefaultRouting() {
        Reply reply = api.put("/templates/order-completed", ORDER_COMPLETED);

        assertThat(reply.status()).isEqualTo(200);
        Template saved = templates.onlyCall("put").argument(0, Template.class);
        assertThat(saved.id()).isEqualTo("order-completed");
        assertThat(saved.events()).containsExactly("Order Completed");
        assertThat(saved.topic()).contains("orders");
        assertThat(saved.channels().get(Channel.SMS)).isEqualTo(Map.of("body", "Order {{order_id}} confirmed"));
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"id": "order-completed", "name": "Order completed", "topic": "orders", "events": ["Order Completed"],
                 "routing": {"method": "single", "channels": ["email", "sms"]},
                 "channels": {"email": {"subject": "Your order {{order_id}}", "html": "<p>Thanks, {{profile.name}}</p>"},
                              "sms": {"body": "Order {{order_id}} confirmed"}}}"""));
    }

    @Test
    void aTemplateWithoutContentOrWithAFieldItsChannelLacksIsRefused() {
        assertBadRequest(api.put("/templates/t1", "{\"name\": \"T\"}"), "channels is required");
        assertBadRequest(api.put("/templates/t1", "{\"channels\": {\"fax\": {\"body\": \"b\"}}}"), "channels key 'fax' is not a channel");
        assertBadRequest(api.put("/templates/t1", "{\"channels\": {\"email\": {\"body\": \"b\"}}}"), "channels.email.body is not a field of email content");
        assertThat(templates.calls()).isEmpty();
    }

    @Test
    void aTemplateIsReadAndAnUnknownOneIsANotFound() {
        templates.know(Template.parse("digest", Map.of("channels", Map.of("inbox", Map.of("title", "Weekly digest")))));

        assertThat(api.get("/templates/digest").at("channels")).isEqualTo(Map.of("inbox", Map.of("title", "Weekly digest")));
        assertApiError(api.get("/templates/nothing"), 404, "not_found", "No template 'nothing'");
    }

    @Test
    void aTemplateIsReadWithTheRoutingItsChannelsGive() {
        templates.know(Template.parse("digest", Map.of("channels", Map.of("push", Map.of("title", "Digest", "body", "{{count}} new",
                "data", Map.of("screen", "home"))))));

        assertThat(api.get("/templates/digest").at("routing")).isEqualTo(Json.parse("{\"method\": \"single\", \"channels\": [\"push\"]}"));
    }

    @Test
    void templatesArePaged() {
        templates.answerList(new Page<>(List.of(Template.parse("digest", Map.of("channels", Map.of("inbox", Map.of("title", "T"))))), null));

        Reply reply = api.get("/templates?limit=50");

        assertThat(templates.onlyCall("list").arguments()).containsExactly(Optional.empty(), 50);
        assertThat(reply.at("paging")).isEqualTo(Json.parse("{\"cursor\": null, \"more\": false}"));
        assertThat(reply.at("results.0.id")).isEqualTo("digest");
    }

    @Test
    void deleteAnswersNoContent() {
        assertThat(api.delete("/templates/digest").status()).isEqualTo(204);
        assertThat(templates.onlyCall("delete").arguments()).containsExactly("digest");
    }

    @Test
    void deletingATemplateThereIsNotIsANotFound() {
        templates.failWith(new NotFoundException("No template 'digest'"));

        assertApiError(api.delete("/templates/digest"), 404, "not_found", "No template 'digest'");
    }
}
