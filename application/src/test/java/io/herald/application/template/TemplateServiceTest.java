package io.herald.application.template;

import io.herald.application.fakes.InMemoryBrandRepository;
import io.herald.domain.brand.Brand;
import java.time.Instant;

import io.herald.application.errors.NotFoundException;
import io.herald.application.fakes.InMemoryTemplateRepository;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Template;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Templates are saved only when every field compiles; unknown ones are not found. */
class TemplateServiceTest {

    private final InMemoryTemplateRepository repository = new InMemoryTemplateRepository();
    private final InMemoryBrandRepository brands = new InMemoryBrandRepository();
    private final TemplateService templates = new TemplateService(repository, brands, new TemplateRenderer(),
            new io.herald.application.fakes.MutableClock(Instant.parse("2026-12-04T10:00:00Z")));

    private static Template template(String id, String subject) {
        return Template.parse(id, Map.of("channels", Map.of("email", Map.of("subject", subject, "text", "Hi"))));
    }

    @Test
    void aTemplateIsSavedReplacedListedAndDeleted() {
        templates.put(template("welcome", "Welcome"));
        templates.put(template("digest", "Your digest"));
        templates.put(template("welcome", "Welcome, {{first_name}}"));

        assertThat(templates.find("welcome").orElseThrow().channels().get(Channel.EMAIL))
                .containsEntry("subject", "Welcome, {{first_name}}");
        var page = templates.list(Optional.empty(), 1);
        assertThat(page.items()).extracting(Template::id).containsExactly("digest");
        assertThat(templates.list(page.cursor(), 1).items()).extracting(Template::id).containsExactly("welcome");

        templates.delete("digest");

        assertThat(templates.find("digest")).isEmpty();
        assertThatThrownBy(() -> templates.delete("digest")).isInstanceOf(NotFoundException.class).hasMessage("No template 'digest'");
    }

    @Test
    void aTemplateThatDoesNotCompileIsRefusedNamingTheFieldAndNotSaved() {
        templates.put(template("welcome", "Welcome"));

        assertThatThrownBy(() -> templates.put(template("welcome", "Welcome {{#if}}"))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("channels.email.subject");

        assertThat(templates.find("welcome").orElseThrow().channels().get(Channel.EMAIL))
                .containsEntry("subject", "Welcome");
    }

    @Test
    void aTemplatesBrandMustExist() {
        Map<String, Object> body = Map.of("brand", "acme", "channels", Map.of("email", Map.of("subject", "Hi")));
        assertThatThrownBy(() -> templates.put(Template.parse("branded", body))).isInstanceOf(InvalidValueException.class)
                .hasMessage("brand 'acme' is not a brand (POST /brands creates one)");
        assertThat(repository.find("branded")).isEmpty();

        brands.insert(Brand.parse("acme", Map.of("name", "Acme"), Instant.EPOCH, Instant.EPOCH));
        templates.put(Template.parse("branded", body));
        assertThat(repository.find("branded").orElseThrow().brand()).contains("acme");
        assertThat(repository.find("branded").orElseThrow().toJson()).containsEntry("brand", "acme");
    }

    @Test
    void aNewTemplateThatDoesNotCompileIsRefusedSayingWhereAndIsNotFoundAfterwards() {
        assertThatThrownBy(() -> templates.put(template("broken", "Hi {{#each items}}"))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("channels.email.subject is not a valid Handlebars template").hasMessageContaining("line 1");

        assertThat(repository.find("broken")).isEmpty();
    }

    @Test
    void aPreviewRendersEveryChannelOfADraftWithDataAndAProfileAndSavesNothing() {
        Template draft = Template.parse("welcome", Map.of("channels", Map.of(
                "email", Map.of("subject", "Welcome, {{first_name}}", "html", "<p>Hi {{profile.name}} & co</p>"),
                "sms", Map.of("body", "Code {{code}}"))));

        Map<Channel, Map<String, Object>> preview = templates.preview(draft, Map.of("first_name", "Ada", "code", 42),
                Map.of("name", "Ada <Lovelace>"));

        assertThat(preview.get(Channel.EMAIL)).containsEntry("subject", "Welcome, Ada")
                .containsEntry("html", "<p>Hi Ada &lt;Lovelace&gt; & co</p>");
        assertThat(preview.get(Channel.SMS)).containsEntry("body", "Code 42");
        assertThat(templates.find("welcome")).as("a preview saves nothing").isEmpty();
    }

    @Test
    void aDraftThatDoesNotCompileIsRefusedNamingTheField() {
        Template broken = Template.parse("welcome", Map.of("channels", Map.of("email", Map.of("subject", "Hi {{#if name}}", "text", "x"))));

        assertThatThrownBy(() -> templates.preview(broken, Map.of(), Map.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("channels.email.subject");
    }
}
