package io.herald.application.tenant;

import io.herald.application.errors.NotFoundException;
import io.herald.application.fakes.InMemoryTemplateRepository;
import io.herald.application.fakes.InMemoryTenantRepository;
import io.herald.application.fakes.MutableClock;
import io.herald.application.port.in.ManageTenantTemplatesUseCase.View;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingNode;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Template;
import io.herald.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantTemplateServiceTest {

    private static final Map<String, Object> CONTENT = Map.of("content", Map.of("version", "2022-01-01",
            "elements", List.of(Map.of("type", "text", "content", "Initech says hi"))));

    private final InMemoryTemplateRepository templates = new InMemoryTemplateRepository();
    private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final TenantTemplateService service = new TenantTemplateService(templates, tenants, new TemplateRenderer(), clock);

    TenantTemplateServiceTest() {
        tenants.save(Tenant.create("initech"));
        tenants.save(Tenant.create("globex"));
        templates.publish(Template.parse("welcome", Map.of("name", "Welcome", "topic", "onboarding",
                "routing", Map.of("method", "single", "channels", List.of("sms", "email")),
                "channels", Map.of("email", Map.of("subject", "Hi"), "sms", Map.of("body", "Hi")))), "api", clock.now());
    }

    @Test
    void aTenantsVersionIsDraftedThenPublished_withTheWorkspaceTemplatesRoutingWhenItGivesNone() {
        View draft = service.put("initech", "welcome", CONTENT, false, "key_a");
        assertThat(draft.template().version()).isEmpty();
        assertThat(draft.publishedAt()).isEmpty();
        String key = TemplateRepository.tenantTemplateId("initech", "welcome");
        assertThat(templates.find(key)).as("a draft never sends").isEmpty();

        View published = service.publish("initech", "welcome", Optional.empty(), "key_a");
        assertThat(published.template().version()).contains(1);
        assertThat(published.publishedAt()).contains(clock.now());
        assertThat(templates.find(key).orElseThrow().routing()).isEqualTo(RoutingNode.single(Channel.SMS, Channel.EMAIL));
        assertThat(service.get("initech", "welcome", Optional.of(1)).template().version()).contains(1);

        assertThat(service.list("initech", Optional.empty(), 10).items()).extracting(View::templateId).containsExactly("welcome");
        assertThat(service.list("globex", Optional.empty(), 10).items()).isEmpty();
        assertThat(templates.list(Optional.empty(), 10).items()).extracting(Template::id).as("workspace listings leave tenants' out")
                .containsExactly("welcome");

        service.delete("initech", "welcome");
        assertThat(templates.find(key)).isEmpty();
        assertThatThrownBy(() -> service.delete("initech", "welcome")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theTenantAndTheWorkspaceTemplateMustExist_andOnlyContentAndRoutingAreTheTenants() {
        assertThatThrownBy(() -> service.put("nobody", "welcome", CONTENT, true, "key_a")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.put("initech", "missing", CONTENT, true, "key_a")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("a tenant's version is of a workspace template");
        assertThatThrownBy(() -> service.put("initech", "welcome", Map.of("content", CONTENT.get("content"),
                "providers", Map.of("sendgrid", Map.of())), true, "key_a"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("template.providers is not supported");
        assertThatThrownBy(() -> service.get("initech", "welcome", Optional.empty())).isInstanceOf(NotFoundException.class);
    }
}
