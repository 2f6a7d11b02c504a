package io.herald.application.preference;

import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.ManagePreferencesUseCase;
import io.herald.application.port.out.PreferenceRepository;
import io.herald.application.port.out.TenantRepository;
import io.herald.application.port.out.WorkspacePreferenceRepository;
import io.herald.domain.preference.DefaultPreference;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.preference.WorkspaceTopic;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.tenant.Tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

public final class PreferenceService implements ManagePreferencesUseCase {

    private final PreferenceRepository preferences;
    private final TenantRepository tenants;
    private final WorkspacePreferenceRepository topics;

    public PreferenceService(PreferenceRepository preferences, TenantRepository tenants, WorkspacePreferenceRepository topics) {
        this.preferences = preferences;
        this.tenants = tenants;
        this.topics = topics;
    }

    @Override
    public List<TopicPreference> list(UserId userId, Optional<String> tenantId) {
        tenant(tenantId);
        return preferences.list(userId, tenantId);
    }

    @Override
    public Topic find(UserId userId, Optional<String> tenantId, String topicId) {
        Optional<DefaultPreference> tenantDefault = tenant(tenantId).flatMap(tenant -> tenant.defaultFor(topicId));
        Optional<WorkspaceTopic> workspaceTopic = topics.findTopic(topicId);
        if (workspaceTopic.filter(WorkspaceTopic::required).isPresent()) {
            // Required of everyone: whatever was stored, the answer is what sends do; the user's channels still count.
            Optional<TopicPreference> own = preferences.find(userId, tenantId, topicId).filter(TopicPreference::hasCustomRouting);
            List<Channel> channels = own.map(TopicPreference::customRouting).orElse(workspaceTopic.get().routingOptions());
            return new Topic(new TopicPreference(userId, topicId, PreferenceStatus.REQUIRED, !channels.isEmpty(), channels), PreferenceStatus.REQUIRED);
        }
        PreferenceStatus defaultStatus = tenantDefault.map(DefaultPreference::status)
                .or(() -> workspaceTopic.map(WorkspaceTopic::defaultStatus)).orElse(PreferenceStatus.OPTED_IN);
        TopicPreference preference = preferences.find(userId, tenantId, topicId).orElseGet(() -> tenantDefault
                .map(item -> new TopicPreference(userId, topicId, item.status(), item.hasCustomRouting(), item.customRouting()))
                .or(() -> workspaceTopic.map(topic -> new TopicPreference(userId, topicId, topic.defaultStatus(), !topic.routingOptions().isEmpty(),
                        topic.routingOptions())))
                .orElseGet(() -> TopicPreference.defaultFor(userId, topicId)));
        return new Topic(preference, defaultStatus);
    }

    @Override
    public void put(UserId userId, Optional<String> tenantId, String topicId, PreferenceStatus status, boolean hasCustomRouting,
                    List<Channel> customRouting) {
        Optional<Tenant> tenant = tenant(tenantId);
        preferences.save(tenantId, changed(userId, tenant, tenantId, new Change(topicId, status, hasCustomRouting, customRouting)));
    }

    @Override
    public void delete(UserId userId, Optional<String> tenantId, String topicId) {
        tenant(tenantId);
        preferences.find(userId, tenantId, topicId).ifPresent(TopicPreference::checkCanBeReset);
        preferences.delete(userId, tenantId, topicId);
    }

    @Override
    public BulkUpdate update(UserId userId, Optional<String> tenantId, List<Change> changes) {
        Optional<Tenant> tenant = tenant(tenantId);
        List<TopicPreference> applied = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (Change change : changes) {
            try {
                TopicPreference preference = changed(userId, tenant, tenantId, change);
                preferences.save(tenantId, preference);
                applied.add(preference);
            } catch (InvalidValueException refusal) {
                refused.add(new Refusal(change.topicId(), refusal.getMessage()));
            }
        }
        return new BulkUpdate(applied, refused);
    }

    @Override
    public List<TopicPreference> replace(UserId userId, Optional<String> tenantId, List<Change> changes) {
        Optional<Tenant> tenant = tenant(tenantId);
        // Everything is checked before anything is written: the replace is all or nothing.
        List<TopicPreference> replacing = changes.stream().map(change -> changed(userId, tenant, tenantId, change)).toList();
        Set<String> kept = changes.stream().map(Change::topicId).collect(Collectors.toSet());
        List<TopicPreference> reset = preferences.list(userId, tenantId).stream().filter(stored -> !kept.contains(stored.topicId())).toList();
        reset.forEach(TopicPreference::checkCanBeReset);
        reset.forEach(stored -> preferences.delete(userId, tenantId, stored.topicId()));
        replacing.forEach(preference -> preferences.save(tenantId, preference));
        return replacing;
    }

    /** The user's preference after the change, refused when it would leave what is REQUIRED of them. */
    private TopicPreference changed(UserId userId, Optional<Tenant> tenant, Optional<String> tenantId, Change change) {
        if (change.status() == PreferenceStatus.OPTED_OUT && topics.findTopic(change.topicId()).filter(WorkspaceTopic::required).isPresent()) {
            throw new InvalidValueException("topic '" + change.topicId() + "' is REQUIRED for everyone: it cannot be opted out of; "
                    + "only its custom routing can change");
        }
        Optional<DefaultPreference> tenantDefault = tenant.flatMap(t -> t.defaultFor(change.topicId()));
        if (tenantDefault.filter(item -> item.status() == PreferenceStatus.REQUIRED).isPresent() && change.status() == PreferenceStatus.OPTED_OUT) {
            throw new InvalidValueException("topic '" + change.topicId() + "' is REQUIRED by tenant '" + tenant.get().id()
                    + "': it cannot be opted out of there; only its custom routing can change");
        }
        TopicPreference current = preferences.find(userId, tenantId, change.topicId())
                .orElseGet(() -> TopicPreference.defaultFor(userId, change.topicId()));
        return current.changedTo(change.status(), change.hasCustomRouting(), change.customRouting());
    }

    private Optional<Tenant> tenant(Optional<String> tenantId) {
        return tenantId.map(id -> tenants.find(id).orElseThrow(() -> new NotFoundException("No tenant '" + id + "'")));
    }
}
