package io.herald.application.notification;

import io.herald.application.errors.NotFoundException;
import io.herald.application.fakes.InMemoryBrandRepository;
import io.herald.application.fakes.InMemoryTemplateRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.port.in.ManageNotificationsUseCase.Payload;
import io.herald.application.port.in.ManageNotificationsUseCase.View;
import io.herald.application.port.in.ManageNotificationsUseCase.Which;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Elemental;
import io.herald.domain.template.Template;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationServiceTest {

    private final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final NotificationService notifications = new NotificationService(templates, new InMemoryBrandRepository(),
            new io.herald.application.fakes.InMemoryNotificationChecks(), renderer, clock);

    private static Elemental content(String text) {
        return Elemental.parse(Map.of("version", "2022-01-01", "elements", List.of(
                Map.of("type", "meta", "title", "Hello"), Map.of("type", "text", "content", text))), "content");
    }

    private static Payload payload(String text) {
        return new Payload("Welcome", content(text), Optional.empty(), Optional.of("onboarding"), List.of("growth"));
    }

    private String render(Template template, Map<String, Object> profile) {
        return (String) renderer.render(template, Channel.SMS, Map.of("profile", profile)).get("body");
    }

    @Test
    void aDraftNeverSends_publishingMakesItVersionOne_andLaterChangesWaitForTheNextPublish() {
        View created = notifications.create(payload("Hi there"), false, "key_a");
        String id = created.template().id();

        assertThat(id).startsWith("nt_");
        assertThat(templates.find(id)).as("a draft never sends").isEmpty();
        assertThat(created.template().version()).isEmpty();
        assertThat(created.draft().creator()).isEqualTo("key_a");

        View published = notifications.publish(id, Optional.empty(), "key_b");
        assertThat(published.template().version()).contains(1);
        assertThat(templates.find(id).orElseThrow().version()).contains(1);
        assertThat(templates.find(id).orElseThrow().tags()).containsExactly("growth");
        assertThat(templates.find(id).orElseThrow().topic()).contains("onboarding");

        clock.advance(java.time.Duration.ofMinutes(1));
        View changed = notifications.putContent(id, content("Welcome aboard"), false, "key_a");
        assertThat(changed.template().version()).as("the working copy").isEmpty();
        assertThat(render(templates.find(id).orElseThrow(), Map.of())).as("sends still use v1").isEqualTo("Hi there");
        assertThat(render(notifications.get(id, new Which.DraftCopy()).template(), Map.of())).isEqualTo("Welcome aboard");

        notifications.publish(id, Optional.empty(), "key_a");
        assertThat(render(templates.find(id).orElseThrow(), Map.of())).isEqualTo("Welcome aboard");
        assertThat(notifications.versions(id, Optional.empty(), 10).items()).extracting(TemplateRepository.Version::number).containsExactly(2, 1);
        assertThat(render(notifications.get(id, new Which.Numbered(1)).template(), Map.of())).isEqualTo("Hi there");

        View rolledBack = notifications.publish(id, Optional.of(1), "key_a");
        assertThat(rolledBack.template().version()).as("v1 again, as v3").contains(3);
        assertThat(render(templates.find(id).orElseThrow(), Map.of())).isEqualTo("Hi there");
    }

    @Test
    void elementsGetIdsAndCanBeReplacedOneByOne_orTranslatedForAProfilesLocale() {
        String id = notifications.create(payload("Hi there"), true, "key_a").template().id();
        List<Map<String, Object>> elements = templates.find(id).orElseThrow().content().orElseThrow().elements();
        assertThat(elements).allSatisfy(element -> assertThat((String) element.get("id")).startsWith("el_"));
        String text = (String) elements.get(1).get("id");

        notifications.putElement(id, text, Map.of("type", "text", "content", "Hey {{profile.name}}", "state", "PUBLISHED"), true, "key_a");
        assertThat(render(templates.find(id).orElseThrow(), Map.of("name", "Alex"))).isEqualTo("Hey Alex");

        notifications.putLocale(id, "fr", List.of(Map.of("id", text, "content", "Salut {{profile.name}}")), true, "key_a");
        Template published = templates.find(id).orElseThrow();
        assertThat(render(published, Map.of("name", "Alex", "locale", "fr-CA"))).as("fr-CA falls back to fr").isEqualTo("Salut Alex");
        assertThat(render(published, Map.of("name", "Alex", "locale", "de"))).isEqualTo("Hey Alex");

        assertThatThrownBy(() -> notifications.putElement(id, "el_nope", Map.of("type", "divider"), false, "key_a"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> notifications.putLocale(id, "fr", List.of(Map.of("id", "el_nope", "content", "x")), false, "key_a"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("'el_nope' is not an element");
        assertThatThrownBy(() -> notifications.putLocale(id, "fr", List.of(Map.of("id", text, "content", "{{#if}}")), false, "key_a"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("locales.fr.content is not a valid Handlebars template");
    }

    @Test
    void aTemplateMadeWithHeraldsApiReadsAsChannelElements_andReplacingItKeepsItsMappedEvents() {
        templates.publish(Template.parse("receipt", Map.of("name", "Receipt", "events", List.of("Order Paid"),
                "channels", Map.of("sms", Map.of("body", "Paid {{total}}")))), "api", clock.now());

        View view = notifications.get("receipt", new Which.Published());
        assertThat(view.template().elemental().elements()).containsExactly(Map.of("type", "channel", "channel", "sms", "raw",
                Map.of("body", "Paid {{total}}")));
        assertThat(notifications.mappedTo("Order Paid")).extracting(v -> v.template().id()).containsExactly("receipt");

        notifications.replace("receipt", payload("Thanks"), true, "key_a");
        assertThat(templates.find("receipt").orElseThrow().events()).containsExactly("Order Paid");
        assertThat(templates.find("receipt").orElseThrow().version()).contains(2);
    }

    @Test
    void whileASubmissionHasChecksNotResolvedTheNotificationIsNotPublished() {
        String id = notifications.create(payload("Hi"), false, "key_a").template().id();
        notifications.putChecks(id, "sub-1", List.of(Map.of("id", "legal", "status", "PENDING", "type", "custom"),
                Map.of("id", "brand", "status", "RESOLVED")));

        assertThatThrownBy(() -> notifications.publish(id, Optional.empty(), "key_a"))
                .isInstanceOf(io.herald.application.errors.ConflictException.class).hasMessageContaining("not RESOLVED");
        assertThatThrownBy(() -> notifications.putContent(id, content("Hey"), true, "key_a"))
                .isInstanceOf(io.herald.application.errors.ConflictException.class);
        assertThat(templates.find(id)).isEmpty();

        assertThat(notifications.putChecks(id, "sub-1", List.of(Map.of("id", "legal", "status", "RESOLVED"))))
                .extracting(io.herald.application.port.out.NotificationChecks.Check::status).containsExactly("RESOLVED", "RESOLVED");
        assertThat(notifications.publish(id, Optional.empty(), "key_a").template().version()).contains(1);

        notifications.putChecks(id, "sub-2", List.of(Map.of("id", "legal", "status", "FAILED")));
        assertThatThrownBy(() -> notifications.publish(id, Optional.empty(), "key_a")).isInstanceOf(io.herald.application.errors.ConflictException.class);
        notifications.deleteChecks(id, "sub-2");
        assertThat(notifications.checks(id, "sub-2")).isEmpty();
        assertThat(notifications.publish(id, Optional.empty(), "key_a").template().version()).contains(2);
        assertThatThrownBy(() -> notifications.putChecks(id, "sub-3", List.of(Map.of("id", "x", "status", "MAYBE"))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("checks[0].status 'MAYBE'");
    }

    @Test
    void unknownNotificationsAreNotFound() {
        assertThatThrownBy(() -> notifications.get("nt_nope", new Which.DraftCopy())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> notifications.archive("nt_nope")).isInstanceOf(NotFoundException.class);
        String id = notifications.create(payload("x"), false, "key_a").template().id();
        assertThatThrownBy(() -> notifications.get(id, new Which.Published())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("has no published version");
        notifications.archive(id);
        assertThat(templates.draft(id)).isEmpty();
    }
}
