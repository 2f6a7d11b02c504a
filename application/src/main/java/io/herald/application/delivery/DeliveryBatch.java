package io.herald.application.delivery;

import io.herald.application.port.out.BrandRepository;
import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.PushTokenRepository;
import io.herald.application.port.out.TemplateRepository;
import io.herald.application.port.out.TenantRepository;
import io.herald.application.port.out.TranslationRepository;
import io.herald.application.port.out.WorkspacePreferenceRepository;
import io.herald.domain.brand.Brand;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageId;
import io.herald.domain.preference.WorkspaceTopic;
import io.herald.domain.template.Catalog;
import io.herald.domain.template.Template;
import io.herald.domain.tenant.Tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One transactional step of the pipeline over a batch of locked messages: what it reads once for all of them, and
 * the writes it gathers to make with a few statements at the end.
 */
final class DeliveryBatch {

    /** The stores a batch reads from. */
    record Sources(MessageRepository messages, ProfileRepository profiles, PushTokenRepository pushTokens,
                   TemplateRepository templates, TenantRepository tenants, BrandRepository brands,
                   TranslationRepository translations, WorkspacePreferenceRepository topics) {
    }

    final Sources sources;
    final Instant now;
    final List<MessageWork> works = new ArrayList<>();
    final List<DeliveryAttempt> attemptsToRecord = new ArrayList<>();
    final List<MessageRepository.Output> outputsToSave = new ArrayList<>();
    private final Map<MessageId, List<DeliveryAttempt>> attempts;
    private final Map<String, Optional<Template>> templatesByReference = new HashMap<>();
    private final Map<String, Optional<Tenant>> tenantsById = new HashMap<>();
    private final Map<String, Optional<Brand>> brandsById = new HashMap<>();
    private final Map<String, Catalog> catalogsByLocale = new HashMap<>();
    private final Map<String, Optional<WorkspaceTopic>> topicsById = new HashMap<>();

    DeliveryBatch(Sources sources, List<Message> locked, Instant now) {
        this.sources = sources;
        this.now = now;
        List<MessageId> routed = locked.stream().filter(m -> m.plan().isPresent()).map(Message::id).toList();
        this.attempts = routed.isEmpty() ? Map.of() : sources.messages().attempts(routed);
        locked.forEach(message -> works.add(new MessageWork(this, message)));
    }

    /** By id, or else the first template mapped to an event of that name. */
    Optional<Template> template(String reference) {
        return templatesByReference.computeIfAbsent(reference,
                ref -> sources.templates().find(ref).or(() -> sources.templates().findByEvent(ref).stream().findFirst()));
    }

    /**
     * The template a send in {@code tenantId}'s context uses: the tenant's own published version of the workspace
     * template, when it has one (Courier's tenant templates), else the workspace template.
     */
    Optional<Template> template(String reference, Optional<String> tenantId) {
        Optional<Template> workspace = template(reference);
        if (tenantId.isEmpty() || workspace.isEmpty()) {
            return workspace;
        }
        String key = TemplateRepository.tenantTemplateId(tenantId.get(), workspace.get().id());
        Optional<Template> tenantVersion = templatesByReference.computeIfAbsent(key, sources.templates()::find);
        return tenantVersion.map(workspace.get()::asTenantSends).or(() -> workspace);
    }

    /** A send's tenant, read once per batch; empty when it does not exist (any more). */
    Optional<Tenant> tenant(String tenantId) {
        return tenantsById.computeIfAbsent(tenantId, sources.tenants()::find);
    }

    /** A brand, read once per batch; empty when it does not exist (any more). */
    Optional<Brand> brand(String brandId) {
        return brandsById.computeIfAbsent(brandId, sources.brands()::find);
    }

    /**
     * The translations of the renderer's domain in {@code locale}, read once per batch: the locale's file, else its
     * language's ({@code fr} for {@code fr-CA}); none when neither exists.
     */
    Catalog catalog(String locale) {
        return catalogsByLocale.computeIfAbsent(locale, tag -> {
            String domain = io.herald.application.port.in.ManageTranslationsUseCase.RENDERED_DOMAIN;
            Optional<String> po = sources.translations().find(domain, tag)
                    .or(() -> tag.contains("-") ? sources.translations().find(domain, tag.substring(0, tag.indexOf('-'))) : Optional.empty());
            return po.map(text -> Catalog.parsePo(domain, tag, text)).orElse(Catalog.NONE);
        });
    }

    /** The workspace's subscription topic of that id, read once per batch; empty when there is none. */
    Optional<WorkspaceTopic> topic(String topicId) {
        return topicsById.computeIfAbsent(topicId, sources.topics()::findTopic);
    }

    List<DeliveryAttempt> attemptsOf(MessageId id) {
        return attempts.getOrDefault(id, List.of());
    }

    List<Message> messages() {
        return works.stream().map(work -> work.message).toList();
    }
}
