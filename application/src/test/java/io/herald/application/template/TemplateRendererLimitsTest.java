package io.herald.application.template;

import io.herald.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Work a template does is bounded: what it renders, how deep it nests, whether its partials end. */
class TemplateRendererLimitsTest {

    private final TemplateRenderer renderer = new TemplateRenderer(1_000, 8);

    @Test
    void aFieldThatRendersPastTheLimitIsRefusedInsteadOfFillingTheMemory() {
        Map<String, Object> context = Map.of("items", Collections.nCopies(10_000, "x"));

        assertThatThrownBy(() -> renderer.renderText("{{#each items}}{{this}}-{{/each}}", context, "channels.email.html"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("channels.email.html renders to more than 1000 bytes (herald.limits.render-bytes)");
        assertThat(renderer.renderText("{{#each items}}{{this}}{{/each}}", Map.of("items", Collections.nCopies(999, "x")), "ok"))
                .hasSize(999);
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Bytes() {
        assertThatThrownBy(() -> renderer.renderText("{{#each items}}é{{/each}}", Map.of("items", Collections.nCopies(600, 1)), "body"))
                .hasMessageContaining("renders to more than 1000 bytes");
    }

    @Test
    void blocksNestedDeeperThanTheLimitAreRefusedWhenCompiled() {
        String deep = "{{#if a}}".repeat(9) + "x" + "{{/if}}".repeat(9);
        String fine = "{{#if a}}".repeat(8) + "x" + "{{/if}}".repeat(8) + "{{#if b}}y{{else}}z{{/if}}{{^c}}w{{/c}}";

        assertThatThrownBy(() -> renderer.validateText(deep, "channels.sms.body"))
                .hasMessage("channels.sms.body nests blocks more than 8 deep (herald.limits.template-depth)");
        renderer.validateText(fine, "channels.sms.body");
        assertThatThrownBy(() -> new TemplateRenderer().validateText("{{#if a}}".repeat(3_000) + "{{/if}}".repeat(3_000), "html"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("more than 64 deep");
    }

    @Test
    void inlinePartialsThatCallThemselvesAreRefusedWhenCompiled() {
        assertThatThrownBy(() -> renderer.validateText("{{#*inline \"loop\"}}again {{> loop}}{{/inline}}{{> loop}}", "channels.email.html"))
                .hasMessage("channels.email.html: the inline partial 'loop' calls itself, so it would never end");
        assertThatThrownBy(() -> renderer.validateText(
                "{{#*inline 'ping'}}{{> pong}}{{/inline}}{{#*inline 'pong'}}{{> ping}}{{/inline}}{{> ping}}", "body"))
                .hasMessageContaining("calls itself");
        assertThat(renderer.renderText("{{#*inline \"greet\"}}Hi {{name}}{{/inline}}{{> greet}}", Map.of("name", "Kim"), "body"))
                .isEqualTo("Hi Kim");
    }
}
