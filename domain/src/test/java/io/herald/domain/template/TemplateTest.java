package io.herald.domain.template;

import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingMethod;
import io.herald.domain.routing.RoutingNode;
import io.herald.domain.shared.InvalidValueException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {

    private static Map<String, Object> channels(Object... nameThenContent) {
        Map<String, Object> channels = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            channels.put((String) nameThenContent[i], nameThenContent[i + 1]);
        }
        return channels;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Map<String, Object> body) {
        return assertThatThrownBy(() -> Template.parse("welcome", body)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void withoutRoutingATemplateIsSentOnTheFirstOfItsChannelsInWrittenOrder() {
        Template template = Template.parse("welcome", Map.of("channels", channels(
                "sms", Map.of("body", "Hi {{name}}"),
                "email", Map.of("subject", "Welcome", "html", "<p>Hi</p>"),
                "inbox", Map.of("title", "Welcome"))));

        assertThat(template.routing()).isEqualTo(RoutingNode.single(Channel.SMS, Channel.EMAIL, Channel.INBOX));
        assertThat(template.name()).isEqualTo("welcome");
        assertThat(template.topic()).isEmpty();
        assertThat(template.channels().get(Channel.SMS)).isEqualTo(Map.of("body", "Hi {{name}}"));
    }

    @Test
    void anExplicitRoutingIsKept() {
        Template template = Template.parse("welcome", Map.of(
                "channels", channels("email", Map.of("subject", "Hi"), "push", Map.of("title", "Hi")),
                "routing", Map.of("method", "all", "channels", List.of("push", "email"))));

        assertThat(template.routing()).isEqualTo(new RoutingNode.Group(RoutingMethod.ALL,
                List.of(new RoutingNode.Leaf(Channel.PUSH), new RoutingNode.Leaf(Channel.EMAIL))));
        refused(Map.of("channels", channels("email", Map.of()), "routing", Map.of("method", "any", "channels", List.of("email"))))
                .hasMessage("routing.method must be \"single\" or \"all\"");
    }

    @Test
    void channelsAreRequired() {
        refused(Map.of()).hasMessageStartingWith("channels is required");
        refused(Map.of("channels", Map.of())).hasMessageStartingWith("channels is required");
    }

    @Test
    void anUnknownChannelIsRefused() {
        refused(Map.of("channels", channels("fax", Map.of("body", "x")))).hasMessageContaining("'fax' is not a channel");
    }

    @Test
    void eachChannelOnlyTakesItsOwnFields() {
        refused(Map.of("channels", channels("sms", Map.of("subject", "x"))))
                .hasMessageStartingWith("channels.sms.subject is not a field of sms content");
        refused(Map.of("channels", channels("email", Map.of("action_url", "x"))))
                .hasMessageStartingWith("channels.email.action_url is not a field of email content");
    }

    @Test
    void fieldsAreTextExceptPushDataWhichIsAnObject() {
        refused(Map.of("channels", channels("email", Map.of("subject", 5)))).hasMessage("channels.email.subject must be a string");
        refused(Map.of("channels", channels("push", Map.of("data", "x")))).hasMessage("channels.push.data must be an object");
        refused(Map.of("channels", channels("inbox", "hello"))).hasMessage("channels.inbox must be an object");

        Template push = Template.parse("alert", Map.of("channels", channels("push", Map.of("title", "t", "data", Map.of("deep_link", "/a")))));
        assertThat(push.channels().get(Channel.PUSH)).containsEntry("data", Map.of("deep_link", "/a"));
    }

    @Test
    void theJsonFormReadsBackToTheSameTemplate() {
        Template template = Template.parse("welcome", Map.of(
                "name", "Welcome",
                "topic", "onboarding",
                "events", List.of("signup"),
                "channels", channels("push", Map.of("title", "Hi", "data", Map.of("n", 1)), "email", Map.of("subject", "Hi")),
                "routing", Map.of("method", "single", "channels", List.of("push", Map.of("method", "all", "channels", List.of("email"))))));

        Template reread = Template.parse("welcome", template.toJson());

        assertThat(reread).isEqualTo(template);
        assertThat(Template.parse("plain", Template.parse("plain", Map.of("channels", channels("sms", Map.of("body", "b"), "email", Map.of())))
                .toJson()).routing()).isEqualTo(RoutingNode.single(Channel.SMS, Channel.EMAIL));
    }
}
