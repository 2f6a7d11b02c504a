package io.herald.application.template;

import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Content;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Elemental content as each channel gets it, through the same renderer (and Handlebars variables) as templates. */
class ElementalRenderingTest {

    private static final Map<String, Object> ORDER = Map.of(
            "type", "meta", "title", "Order {{order_id}} shipped");
    private static final Map<String, Object> GREETING = Map.of(
            "type", "text", "content", "Hi **{{profile.name}}**, your order is on its way. See [the FAQ](https://example.org/faq).");
    private static final Map<String, Object> TRACK = Map.of(
            "type", "action", "content", "Track it", "href", "https://example.org/track/{{order_id}}", "background_color", "#ff6600");

    private final TemplateRenderer renderer = new TemplateRenderer();

    private static Content content(Object... elements) {
        return Content.parse(Map.of("version", "2022-01-01", "elements", List.of(elements)), "message.content");
    }

    private Map<String, Object> render(Content content, Channel channel, Map<String, Object> data) {
        Map<String, Object> context = new java.util.LinkedHashMap<>(data);
        context.put("profile", Map.of("name", "Alex <3"));
        renderer.validate(content);
        return renderer.render(content, channel, context);
    }

    @Test
    void emailGetsTheMetaTitleAsSubject_styledHtmlBlocks_andATextPart() {
        Content content = content(ORDER, Map.of("type", "text", "content", "Shipped", "text_style", "h1"), GREETING, TRACK,
                Map.of("type", "divider"), Map.of("type", "image", "src", "https://cdn.example.org/box.png", "alt_text", "A box",
                        "href", "https://example.org"),
                Map.of("type", "quote", "content", "Fast and friendly"), Map.of("type", "html", "content", "<p class=\"x\">{{profile.name}}</p>"));

        Map<String, Object> email = render(content, Channel.EMAIL, Map.of("order_id", "A-42"));

        assertThat(email.get("subject")).isEqualTo("Order A-42 shipped");
        assertThat((String) email.get("html"))
                .contains("<h1 style=\"font-size:24px")
                .contains("Hi <strong>Alex &lt;3</strong>, your order is on its way. See <a href=\"https://example.org/faq\"")
                .contains("background:#ff6600\"><a href=\"https://example.org/track/A-42\"")
                .contains("<hr style=")
                .contains("<a href=\"https://example.org\"><img src=\"https://cdn.example.org/box.png\" alt=\"A box\"")
                .contains("<blockquote").contains("Fast and friendly")
                .as("an html element is the author's markup, its variables escaped").contains("<p class=\"x\">Alex &lt;3</p>")
                .doesNotContain("Order A-42 shipped");
        assertThat(email.get("text")).isEqualTo("Shipped\n\nHi Alex <3, your order is on its way. See the FAQ (https://example.org/faq).\n\n"
                + "Track it: https://example.org/track/A-42\n\n---\n\nA box\n\nFast and friendly");
    }

    @Test
    void smsPushAndInboxGetTheirOwnFields() {
        Content content = content(ORDER, GREETING, TRACK);
        Map<String, Object> data = Map.of("order_id", "A-42");

        assertThat(render(content, Channel.SMS, data)).isEqualTo(Map.of("body",
                "Hi Alex <3, your order is on its way. See the FAQ (https://example.org/faq).\n\nTrack it: https://example.org/track/A-42"));
        assertThat(render(content, Channel.PUSH, data)).isEqualTo(Map.of("title", "Order A-42 shipped",
                "body", "Hi Alex <3, your order is on its way. See the FAQ (https://example.org/faq)."));
        assertThat(render(content, Channel.INBOX, data)).isEqualTo(Map.of("title", "Order A-42 shipped",
                "body", "Hi Alex <3, your order is on its way. See the FAQ (https://example.org/faq).",
                "action_url", "https://example.org/track/A-42"));
    }

    @Test
    void channelsAndChannelElementsPickWhatEachChannelShows_rawContentReplacesTheRest() {
        Content content = content(ORDER,
                Map.of("type", "text", "content", "Everywhere"),
                Map.of("type", "text", "content", "Email and push only", "channels", List.of("email", "push")),
                Map.of("type", "channel", "channel", "push", "elements", List.of(Map.of("type", "text", "content", "Push extra"))),
                Map.of("type", "channel", "channel", "sms", "raw", Map.of("body", "SMS says {{order_id}}")));
        Map<String, Object> data = Map.of("order_id", "A-42");

        assertThat(render(content, Channel.PUSH, data).get("body")).isEqualTo("Everywhere\nEmail and push only\nPush extra");
        assertThat(render(content, Channel.EMAIL, data).get("text")).isEqualTo("Everywhere\n\nEmail and push only");
        assertThat(render(content, Channel.INBOX, data).get("body")).isEqualTo("Everywhere");
        assertThat(render(content, Channel.SMS, data)).isEqualTo(Map.of("body", "SMS says A-42"));
    }

    @Test
    void anElementsIfIsCelOverDataAndProfile() {
        Content content = content(
                Map.of("type", "text", "content", "Free shipping!", "if", "data.total > 100"),
                Map.of("type", "text", "content", "Hello", "if", "profile.name.startsWith('Alex')"),
                Map.of("type", "text", "content", "Never", "if", "false"));

        assertThat(render(content, Channel.SMS, Map.of("total", 149.99)).get("body")).isEqualTo("Free shipping!\n\nHello");
        assertThat(render(content, Channel.SMS, Map.of("total", 20)).get("body")).isEqualTo("Hello");
        assertThatThrownBy(() -> renderer.validate(content(Map.of("type", "text", "content", "x", "if", "data.total >"))))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("message.content.elements[0].if is not a valid CEL expression");
        assertThatThrownBy(() -> renderer.validate(content(Map.of("type", "text", "content", "{{#if}}"))))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("message.content.elements[0].content is not a valid Handlebars template");
    }

    @Test
    void aButtonTakesTheBrandsPrimaryColour_unlessItNamesItsOwn_andIsNeverFloated() {
        Content content = content(Map.of("type", "action", "content", "Go", "href", "https://example.org"),
                Map.of("type", "action", "content", "Own", "href", "https://example.org", "background_color", "#123456", "align", "center"));
        Map<String, Object> context = Map.of("profile", Map.of(), "brand", Map.of("colors", Map.of("primary", "#e8590c")));

        String html = (String) renderer.render(content, Channel.EMAIL, context).get("html");
        assertThat(html).contains("background:#e8590c\"><a href=\"https://example.org\"").contains("background:#123456")
                .contains("margin:0 auto 16px").doesNotContain("align=\"");
    }

    @Test
    void linksAMailClientShouldNotFollowBecomeHashes() {
        Content content = content(Map.of("type", "action", "content", "Click", "href", "{{url}}"),
                Map.of("type", "text", "content", "[here]({{url}})"));

        String html = (String) render(content, Channel.EMAIL, Map.of("url", "javascript:alert(1)")).get("html");
        assertThat(html).contains("<a href=\"#\"").doesNotContain("javascript:");
    }
}
