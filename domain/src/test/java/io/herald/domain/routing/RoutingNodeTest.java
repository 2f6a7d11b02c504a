package io.herald.domain.routing;

import io.herald.domain.routing.RoutingNode.Group;
import io.herald.domain.routing.RoutingNode.Leaf;
import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.herald.domain.routing.Routings.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingNodeTest {

    private static Group parse(Object raw) {
        return RoutingNode.parse(raw, "message.routing");
    }

    @Test
    void parsesANestedTreeAndWritesItBackAsItWasWritten() {
        Map<String, Object> json = tree("single", "email", tree("all", "sms", "push"));

        Group routing = parse(json);

        assertThat(routing).isEqualTo(new Group(RoutingMethod.SINGLE, List.of(
                new Leaf(Channel.EMAIL),
                new Group(RoutingMethod.ALL, List.of(new Leaf(Channel.SMS), new Leaf(Channel.PUSH))))));
        assertThat(routing.toJson()).isEqualTo(json);
        assertThat(routing.channels()).containsExactly(Channel.EMAIL, Channel.SMS, Channel.PUSH);
    }

    @Test
    void anUnknownChannelIsNamedByItsPath() {
        assertThatThrownBy(() -> parse(tree("single", "email", "fax")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("message.routing.channels[1] 'fax' is neither a channel (email, sms, push, inbox) nor a provider Herald has");
        assertThatThrownBy(() -> parse(tree("single", "email", tree("all", "sms", 7))))
                .hasMessageStartingWith("message.routing.channels[1].channels[1] must be a channel (email, sms, push, inbox) or a provider");
        assertThatThrownBy(() -> parse(tree("single", "mailgun"))).hasMessageContaining("'mailgun' is neither a channel");
        assertThatThrownBy(() -> parse(tree("single", "console"))).hasMessageContaining("'console' serves email, sms and push")
                .hasMessageContaining("message.channels.<channel>.providers");
    }

    @Test
    void aProviderStandsForItsChannelAndPinsTheLeafToIt_asCourierAllows() {
        Group routing = parse(tree("single", "sendgrid", tree("all", "twilio", "firebase-fcm"), "inbox", "email"));

        assertThat(routing).isEqualTo(new Group(RoutingMethod.SINGLE, List.of(
                new Leaf(Channel.EMAIL, Optional.of("sendgrid")),
                new Group(RoutingMethod.ALL, List.of(new Leaf(Channel.SMS, Optional.of("twilio")), new Leaf(Channel.PUSH, Optional.of("fcm")))),
                new Leaf(Channel.INBOX),
                new Leaf(Channel.EMAIL))));
        assertThat(routing.toJson()).as("written back with Herald's provider names")
                .isEqualTo(tree("single", "sendgrid", tree("all", "twilio", "fcm"), "inbox", "email"));
        assertThat(routing.channels()).containsExactly(Channel.EMAIL, Channel.SMS, Channel.PUSH, Channel.INBOX, Channel.EMAIL);
        assertThat(DeliveryPlan.fromJson(DeliveryPlan.of(routing).toJson()).providerOf("0")).contains("sendgrid");
        assertThat(DeliveryPlan.of(routing).providerOf("3")).isEmpty();
    }

    @Test
    void priorityIsSingleUnderTheNameCouriersGuidesUse() {
        Group routing = parse(tree("priority", "email", tree("priority", "sms", "push")));

        assertThat(routing).isEqualTo(parse(tree("single", "email", tree("single", "sms", "push"))));
        assertThat(routing.toJson()).isEqualTo(tree("single", "email", tree("single", "sms", "push")));
    }

    @Test
    void theMethodMustBeSingleOrAll() {
        assertThatThrownBy(() -> parse(tree("first", "email")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("message.routing.method must be \"single\" or \"all\"");
        assertThatThrownBy(() -> parse(tree("single", tree("any", "sms"))))
                .hasMessage("message.routing.channels[0].method must be \"single\" or \"all\"");
    }

    @Test
    void aGroupNeedsAtLeastOneChannel() {
        assertThatThrownBy(() -> parse(tree("single")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("message.routing.channels must be a non-empty array");
        assertThatThrownBy(() -> parse(tree("single", "email", tree("all"))))
                .hasMessage("message.routing.channels[1].channels must be a non-empty array");
        assertThatThrownBy(() -> parse(Map.of("method", "all", "channels", "email")))
                .hasMessage("message.routing.channels must be a non-empty array");
    }

    @Test
    void theRoutingMustBeAnObject() {
        assertThatThrownBy(() -> parse(List.of("email")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("message.routing must be an object");
    }
}
