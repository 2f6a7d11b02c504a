package io.herald.application.contract;

import io.herald.application.port.Page;
import io.herald.application.port.out.TemplateRepository;
import io.herald.domain.template.Template;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TemplateRepository} must do; run against the in-memory fake and PostgreSQL. */
public abstract class TemplateRepositoryContract {

    protected abstract TemplateRepository emptyRepository();

    private static Template template(String id, String... events) {
        return Template.parse(id, Map.of("name", "Template " + id, "topic", "product-news", "events", List.of(events),
                "routing", Map.of("method", "single", "channels", List.of("email", Map.of("method", "all", "channels", List.of("sms", "push")))),
                "channels", Map.of(
                        "email", Map.of("subject", "Hi {{name}}", "html", "<p>Hi</p>"),
                        "sms", Map.of("body", "Hi {{name}}"),
                        "push", Map.of("title", "Hi", "body", "there", "data", Map.of("deep_link", "app://home", "n", 2)))));
    }

    private static List<String> ids(List<Template> templates) {
        return templates.stream().map(Template::id).toList();
    }

    protected <T> T inTransaction(java.util.function.Supplier<T> work) {
        return work.get();
    }

    @Test
    void aDraftIsKeptApartFromWhatSendsUse_untilItIsPublishedAsTheNextVersion() {
        TemplateRepository templates = emptyRepository();
        java.time.Instant at = java.time.Instant.parse("2026-12-04T10:00:00Z");
        Template first = template("welcome", "Signed Up");
        templates.saveDraft(first, "key_a", at);

        assertThat(templates.find("welcome")).as("a draft never sends").isEmpty();
        TemplateRepository.Draft draft = templates.draft("welcome").orElseThrow();
        assertThat(draft.template()).isEqualTo(first);
        assertThat(draft.hasChanges()).isTrue();
        assertThat(draft.creator()).isEqualTo("key_a");

        Template v1 = inTransaction(() -> templates.publish(first, "key_b", at.plusSeconds(1)));
        assertThat(v1.version()).contains(1);
        assertThat(templates.find("welcome")).contains(v1);
        assertThat(templates.draft("welcome").orElseThrow().hasChanges()).isFalse();
        assertThat(templates.draft("welcome").orElseThrow().creator()).as("the creator stays").isEqualTo("key_a");

        Template changed = Template.parse("welcome", Map.of("name", "Welcome", "content", Map.of("version", "2022-01-01",
                "elements", List.of(Map.of("type", "text", "content", "Hi {{name}}"))), "tags", List.of("onboarding")));
        templates.saveDraft(changed, "key_a", at.plusSeconds(2));
        assertThat(templates.find("welcome")).as("sends use v1 until v2 is published").contains(v1);
        Template v2 = inTransaction(() -> templates.publish(changed, "key_a", at.plusSeconds(3)));
        assertThat(v2.version()).contains(2);
        assertThat(templates.find("welcome").orElseThrow().content()).isEqualTo(changed.content());
        assertThat(templates.find("welcome").orElseThrow().tags()).containsExactly("onboarding");

        assertThat(templates.version("welcome", 1)).contains(v1);
        assertThat(templates.version("welcome", 3)).isEmpty();
        Page<TemplateRepository.Version> newest = templates.versions("welcome", Optional.empty(), 1);
        assertThat(newest.items()).extracting(TemplateRepository.Version::number).containsExactly(2);
        assertThat(templates.versions("welcome", newest.cursor(), 10).items()).extracting(TemplateRepository.Version::number).containsExactly(1);
    }

    @Test
    void everyWorkingCopyIsListed_andDeletingATemplateDeletesItsDraftAndVersions() {
        TemplateRepository templates = emptyRepository();
        java.time.Instant at = java.time.Instant.parse("2026-12-04T10:00:00Z");
        templates.saveDraft(template("b-draft-only"), "key_a", at);
        inTransaction(() -> templates.publish(template("a-published"), "key_a", at));

        Page<TemplateRepository.Draft> first = templates.drafts(Optional.empty(), 1);
        assertThat(first.items()).extracting(draft -> draft.template().id()).containsExactly("a-published");
        assertThat(templates.drafts(first.cursor(), 5).items()).extracting(draft -> draft.template().id()).containsExactly("b-draft-only");

        assertThat(templates.delete("a-published")).isTrue();
        assertThat(templates.draft("a-published")).isEmpty();
        assertThat(templates.version("a-published", 1)).isEmpty();
        assertThat(templates.delete("b-draft-only")).as("a draft alone is a template too").isTrue();
        assertThat(templates.delete("b-draft-only")).isFalse();
    }

    @Test
    void aTemplateIsReadBackWhole_andSavingItAgainReplacesIt() {
        TemplateRepository templates = emptyRepository();
        Template first = template("welcome", "Signed Up");
        templates.save(first);
        assertThat(templates.find("welcome")).contains(first);

        Template changed = Template.parse("welcome", Map.of("name", "Welcome", "events", List.of("Trial Started"),
                "channels", Map.of("inbox", Map.of("title", "Welcome", "body", "Glad you are here"))));
        templates.save(changed);

        assertThat(templates.find("welcome")).contains(changed);
        assertThat(templates.find("welcome").orElseThrow().topic()).isEmpty();
        assertThat(templates.findByEvent("Signed Up")).isEmpty();
        assertThat(templates.find("unknown")).isEmpty();
    }

    @Test
    void templatesAreFoundByEachEventMappedToThemInIdOrder() {
        TemplateRepository templates = emptyRepository();
        templates.save(template("c", "Signed Up", "Trial Started"));
        templates.save(template("a", "Signed Up"));
        templates.save(template("b", "Order Completed"));
        templates.save(template("unmapped"));

        assertThat(ids(templates.findByEvent("Signed Up"))).containsExactly("a", "c");
        assertThat(ids(templates.findByEvent("Trial Started"))).containsExactly("c");

        Map<String, List<Template>> byEvent = templates.findByEvents(List.of("Signed Up", "Trial Started", "Unmapped"));
        assertThat(byEvent).containsOnlyKeys("Signed Up", "Trial Started");
        assertThat(ids(byEvent.get("Signed Up"))).containsExactly("a", "c");
        assertThat(ids(byEvent.get("Trial Started"))).containsExactly("c");
        assertThat(templates.findByEvents(List.of())).isEmpty();
    }

    @Test
    void deleteReportsWhetherThereWasATemplate() {
        TemplateRepository templates = emptyRepository();
        templates.save(template("welcome", "Signed Up"));

        assertThat(templates.delete("welcome")).isTrue();
        assertThat(templates.delete("welcome")).isFalse();
        assertThat(templates.find("welcome")).isEmpty();
        assertThat(templates.findByEvent("Signed Up")).isEmpty();
    }

    @Test
    void listsInIdOrderAPageAtATime() {
        TemplateRepository templates = emptyRepository();
        for (String id : List.of("e", "b", "d", "a", "c")) {
            templates.save(template(id));
        }

        Page<Template> first = templates.list(Optional.empty(), 2);
        Page<Template> second = templates.list(first.cursor(), 2);
        Page<Template> last = templates.list(second.cursor(), 2);

        assertThat(ids(first.items())).containsExactly("a", "b");
        assertThat(ids(second.items())).containsExactly("c", "d");
        assertThat(ids(last.items())).containsExactly("e");
        assertThat(last.hasMore()).isFalse();
        assertThat(templates.list(Optional.empty(), 5).hasMore()).isFalse();
    }
}
