package io.herald.domain.json;

import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonFieldsTest {

    private static JsonFields message(Map<String, Object> fields) {
        return JsonFields.of(fields, "message");
    }

    @Test
    void onlyAnObjectIsRead() {
        assertThatThrownBy(() -> JsonFields.of(List.of(), "")).isInstanceOf(InvalidValueException.class)
                .hasMessage("the body must be an object");
        assertThatThrownBy(() -> JsonFields.of(null, "message.to")).hasMessage("message.to must be an object");
        assertThatThrownBy(() -> JsonFields.of("welcome", "steps[2]", "an object with an action"))
                .hasMessage("steps[2] must be an object with an action");
    }

    @Test
    void pathsNameFieldsAndArrayItems() {
        JsonFields body = JsonFields.of(Map.of(), "");
        JsonFields message = message(Map.of());

        assertThat(body.where("name")).isEqualTo("name");
        assertThat(message.where("to")).isEqualTo("message.to");
        assertThat(message.where("to", 1)).isEqualTo("message.to[1]");
        assertThat(JsonFields.item("steps", 2)).isEqualTo("steps[2]");
        assertThat(JsonFields.of(Map.of(), JsonFields.item("steps", 2)).where("duration")).isEqualTo("steps[2].duration");
    }

    @Test
    void aNullValueCountsAsAbsent() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("template", null);
        JsonFields message = message(fields);

        assertThat(message.has("template")).isFalse();
        assertThat(message.optionalString("template")).isEmpty();
        assertThatThrownBy(() -> message.requiredString("template")).hasMessage("message.template is required and must be a string");
    }

    @Test
    void aStringMayBeEmptyButTextMayNot() {
        JsonFields message = message(Map.of("name", "", "template", "welcome", "count", 3));

        assertThat(message.optionalString("name")).contains("");
        assertThat(message.requiredText("template")).isEqualTo("welcome");
        assertThatThrownBy(() -> message.optionalString("count")).hasMessage("message.count must be a string");
        assertThatThrownBy(() -> message.optionalText("name")).hasMessage("message.name must be a non-empty string");
        assertThatThrownBy(() -> message.optionalText("count")).hasMessage("message.count must be a non-empty string");
        assertThatThrownBy(() -> message.requiredText("brand")).hasMessage("message.brand is required and must be a non-empty string");
    }

    @Test
    void booleansAreTrueOrFalse() {
        JsonFields topic = JsonFields.of(Map.of("on", true, "off", "false"), "topic");

        assertThat(topic.optionalBoolean("on")).contains(true);
        assertThat(topic.optionalBoolean("missing")).isEmpty();
        assertThatThrownBy(() -> topic.optionalBoolean("off")).hasMessage("topic.off must be true or false");
    }

    @Test
    void anObjectIsReadByItsPathOrKeptAsItIs() {
        Map<String, Object> to = Map.of("email", 7);
        JsonFields message = message(Map.of("to", to, "data", List.of(1)));

        assertThatThrownBy(() -> message.requiredObject("to").optionalText("email")).hasMessage("message.to.email must be a non-empty string");
        assertThat(message.requiredMap("to")).isSameAs(to);
        assertThat(message.optionalMap("metadata")).isEmpty();
        assertThatThrownBy(() -> message.optionalMap("data")).hasMessage("message.data must be an object");
        assertThatThrownBy(() -> message.requiredObject("content")).hasMessage("message.content is required and must be an object");
    }

    @Test
    void listsAndListsOfStrings() {
        JsonFields topic = JsonFields.of(Map.of("custom_routing", List.of("email", 2), "channels", List.of("sms"), "status", "OPTED_IN"), "topic");

        assertThat(topic.requiredList("channels")).containsExactly("sms");
        assertThat(topic.optionalStrings("channels")).contains(List.of("sms"));
        assertThat(topic.optionalList("missing")).isEmpty();
        assertThatThrownBy(() -> topic.optionalStrings("custom_routing")).hasMessage("topic.custom_routing[1] must be a string");
        assertThatThrownBy(() -> topic.optionalList("status")).hasMessage("topic.status must be an array");
        assertThatThrownBy(() -> topic.requiredList("missing")).hasMessage("topic.missing is required and must be an array");
    }

    @Test
    void allowOnlyRefusesAnUnknownFieldNamingTheKnownOnes() {
        JsonFields step = JsonFields.of(Map.of("action", "send", "iff", "false"), "steps[0]");

        assertThatCode(() -> step.allowOnly(Set.of("action", "iff"), "a send step")).doesNotThrowAnyException();
        assertThatThrownBy(() -> step.allowOnly(Set.of("template", "action", "if"), "a send step"))
                .hasMessage("steps[0].iff is not a field of a send step [action, if, template]");
    }

    @Test
    void getHandsOutTheValueForChecksOfItsOwn() {
        JsonFields step = JsonFields.of(Map.of("duration", 60_000), "steps[1]");

        assertThat(step.get("duration")).isEqualTo(60_000);
        assertThat(step.get("until")).isNull();
    }
}
