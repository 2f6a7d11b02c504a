package io.herald.domain.preference;

import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingPreference;

import java.util.List;
import java.util.Optional;

/**
 * The preference a send follows for one topic, and where it came from. A user's own choice within the send's tenant
 * comes first, then their choice outside any tenant, then the tenant's default, then the workspace topic's default; a
 * topic nobody set is opted in. A workspace topic that is REQUIRED holds for everyone. A
 * tenant default of REQUIRED is not the user's to leave: it holds whatever they chose, and only their channels
 * (custom routing) still apply.
 */
public record EffectivePreference(String topicId, PreferenceStatus status, boolean hasCustomRouting, List<Channel> customRouting,
                                  Source source) implements RoutingPreference {

    public enum Source { USER_IN_TENANT, USER, TENANT_DEFAULT, TOPIC_DEFAULT, DEFAULT }

    public EffectivePreference {
        customRouting = List.copyOf(customRouting);
    }

    public static EffectivePreference resolve(String topicId, Optional<TopicPreference> inTenant, Optional<TopicPreference> own,
                                              Optional<DefaultPreference> tenantDefault) {
        return resolve(topicId, inTenant, own, tenantDefault, Optional.empty());
    }

    /**
     * As above, with the workspace's topic of that id when there is one: a REQUIRED topic is REQUIRED for everyone
     * (only the channels a user chose still apply), and otherwise its default status and channels stand for a user whom
     * neither their own choice nor their tenant's default covers.
     */
    public static EffectivePreference resolve(String topicId, Optional<TopicPreference> inTenant, Optional<TopicPreference> own,
                                              Optional<DefaultPreference> tenantDefault, Optional<WorkspaceTopic> topic) {
        Optional<EffectivePreference> chosen = inTenant.map(choice -> of(choice, Source.USER_IN_TENANT))
                .or(() -> own.map(choice -> of(choice, Source.USER)));
        if (topic.filter(WorkspaceTopic::required).isPresent()) {
            List<Channel> channels = topic.get().routingOptions();
            return chosen.filter(EffectivePreference::hasCustomRouting)
                    .map(choice -> new EffectivePreference(topicId, PreferenceStatus.REQUIRED, true, choice.customRouting(), Source.TOPIC_DEFAULT))
                    .orElseGet(() -> new EffectivePreference(topicId, PreferenceStatus.REQUIRED, !channels.isEmpty(), channels, Source.TOPIC_DEFAULT));
        }
        if (tenantDefault.filter(item -> item.status() == PreferenceStatus.REQUIRED).isPresent()) {
            DefaultPreference required = tenantDefault.get();
            return chosen.filter(EffectivePreference::hasCustomRouting)
                    .map(choice -> new EffectivePreference(topicId, PreferenceStatus.REQUIRED, true, choice.customRouting(), Source.TENANT_DEFAULT))
                    .orElseGet(() -> new EffectivePreference(topicId, PreferenceStatus.REQUIRED, required.hasCustomRouting(),
                            required.customRouting(), Source.TENANT_DEFAULT));
        }
        return chosen.or(() -> tenantDefault.map(item -> new EffectivePreference(topicId, item.status(), item.hasCustomRouting(),
                        item.customRouting(), Source.TENANT_DEFAULT)))
                .or(() -> topic.map(workspace -> new EffectivePreference(topicId, workspace.defaultStatus(), !workspace.routingOptions().isEmpty(),
                        workspace.routingOptions(), Source.TOPIC_DEFAULT)))
                .orElseGet(() -> new EffectivePreference(topicId, PreferenceStatus.OPTED_IN, false, List.of(), Source.DEFAULT));
    }

    private static EffectivePreference of(TopicPreference choice, Source source) {
        return new EffectivePreference(choice.topicId(), choice.status(), choice.hasCustomRouting(), choice.customRouting(), source);
    }

    @Override
    public boolean optedOut() {
        return status == PreferenceStatus.OPTED_OUT;
    }
}
