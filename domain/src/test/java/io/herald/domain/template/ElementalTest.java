package io.herald.domain.template;

import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElementalTest {

    private static Content content(Object... elements) {
        return Content.parse(Map.of("version", "2022-01-01", "elements", List.of(elements)), "message.content");
    }

    @Test
    void elementalContentIsReadAsCourierWritesIt_andItsStringsAndConditionsAreFoundByPath() {
        Content content = content(
                Map.of("type", "meta", "title", "Order {{order_id}}"),
                Map.of("type", "text", "content", "Hi {{profile.name}}", "text_style", "h1"),
                Map.of("type", "group", "if", "data.total > 100", "elements", List.of(
                        Map.of("type", "action", "content", "Track it", "href", "https://example.org/{{order_id}}"))),
                Map.of("type", "channel", "channel", "sms", "raw", Map.of("body", "Order {{order_id}} shipped")));

        assertThat(content.elemental()).isPresent();
        assertThat(content.toJson()).containsEntry("version", "2022-01-01");
        assertThat(content.elemental().get().texts("message.content")).extracting(Elemental.Located::where).containsExactly(
                "message.content.elements[0].title", "message.content.elements[1].content",
                "message.content.elements[2].elements[0].content", "message.content.elements[2].elements[0].href",
                "message.content.elements[3].raw.body");
        assertThat(content.elemental().get().conditions("message.content"))
                .containsExactly(new Elemental.Located("message.content.elements[2].if", "data.total > 100"));
    }

    @Test
    void whatHeraldCannotRenderIsRefusedByItsPath() {
        assertThatThrownBy(() -> content(Map.of("type", "slack-blocks"))).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("message.content.elements[0].type 'slack-blocks' is not an Elemental element Herald renders");
        assertThatThrownBy(() -> content(Map.of("type", "text", "content", "x", "loop", "data.items")))
                .hasMessageStartingWith("message.content.elements[0].loop is not supported").hasMessageContaining("{{#each items}}");
        assertThatThrownBy(() -> content(Map.of("type", "action", "content", "Go"))).hasMessageContaining("message.content.elements[0].href");
        assertThatThrownBy(() -> content(Map.of("type", "image", "src", "javascript:alert(1)")))
                .hasMessage("message.content.elements[0].src must be an http(s) URL");
        assertThatThrownBy(() -> content(Map.of("type", "text", "content", "x", "color", "red;x")))
                .hasMessageContaining("elements[0].color 'red;x' must be a hex colour");
        assertThatThrownBy(() -> content(Map.of("type", "group", "elements", List.of(Map.of("type", "text", "content", "x", "channels", List.of("fax"))))))
                .hasMessageContaining("message.content.elements[0].elements[0].channels[0] 'fax'");
        assertThatThrownBy(() -> content(Map.of("type", "channel", "channel", "email")))
                .hasMessageContaining("a channel element has either elements or raw content, not neither");
        assertThatThrownBy(() -> Content.parse(Map.of("version", "2020-01-01", "elements", List.of()), "message.content"))
                .hasMessageContaining("message.content.version '2020-01-01'");
    }

    @Test
    void workIsBounded_elementsAndDepth() {
        Object[] many = Collections.nCopies(1_001, Map.of("type", "divider")).toArray();
        assertThatThrownBy(() -> content(many)).hasMessageContaining("more than 1000 elements");
        Object nested = Map.of("type", "divider");
        for (int i = 0; i < 16; i++) {
            nested = Map.of("type", "group", "elements", List.of(nested));
        }
        Object deep = nested;
        assertThatThrownBy(() -> content(deep)).hasMessageContaining("nest more than 16 deep");
    }

    @Test
    void titleAndBodyAreStillTheSugar() {
        Content sugar = Content.parse(Map.of("title", "Hi", "body", "there"), "message.content");
        assertThat(sugar).isEqualTo(new Content("Hi", "there"));
        assertThat(sugar.toJson()).isEqualTo(Map.of("title", "Hi", "body", "there"));
    }
}
