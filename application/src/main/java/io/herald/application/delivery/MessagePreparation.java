package io.herald.application.delivery;

import io.herald.application.port.out.PreferenceRepository;
import io.herald.application.port.out.ThrottleCounter;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.throttle.Throttle;
import io.herald.domain.message.Recipient;
import io.herald.domain.preference.EffectivePreference;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.routing.RoutingDecision;
import io.herald.domain.routing.RoutingNode;
import io.herald.domain.routing.RoutingPlanner;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Template;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The first steps of a due message: its template, the recipient's profile and preferences, and its routing. */
final class MessagePreparation {

    /** Routing for inline content that names none: the first channel that reaches the recipient. */
    static final RoutingNode.Group DEFAULT_CONTENT_ROUTING = RoutingNode.single(Channel.EMAIL, Channel.PUSH, Channel.SMS, Channel.INBOX);

    private final Providers providers;
    private final PreferenceRepository preferences;
    private final ThrottleCounter throttles;
    private final TemplateRenderer renderer;

    MessagePreparation(Providers providers, PreferenceRepository preferences, ThrottleCounter throttles, TemplateRenderer renderer) {
        this.providers = providers;
        this.preferences = preferences;
        this.throttles = throttles;
        this.renderer = renderer;
    }

    /** Maps and routes the message. False when it ended here (unmapped, unroutable, filtered). */
    boolean prepare(MessageWork work) {
        Message message = work.message;
        MessageSpec spec = message.spec();
        Recipient recipient = message.recipient();
        if (recipient.userId().isPresent()) {
            work.profileView();
            message.profileLoaded(work.now);
        }
        Optional<Template> template = spec.template().flatMap(reference -> work.batch.template(reference, spec.tenantId()));
        if (spec.template().isPresent()) {
            if (template.isEmpty()) {
                message.unmapped("no template has id or event '" + spec.template().get() + "'", work.now);
                return false;
            }
            message.mapped(template.get().id(), template.get().version(), work.now);
        }
        List<String> unconfigured = providers.unconfigured(spec);
        if (!unconfigured.isEmpty()) {
            // Settings for a provider Herald does not use: sending elsewhere would ignore them without a word.
            message.route(new RoutingDecision.Unroutable(RoutingDecision.Why.NO_PROVIDERS, "message.providers names " + unconfigured
                    + ", which no channel is configured with (herald.channels.<channel>.providers)"), work.now);
            return false;
        }
        RoutingDecision decision = route(work, spec, template);
        Optional<Throttle> throttle = spec.throttle().or(() -> template.flatMap(Template::throttle));
        if (decision instanceof RoutingDecision.Routed && throttle.isPresent()) {
            // Counted once routed: a message the recipient would not get anyway (opted out, unreachable) uses no turn.
            String key = keyOf(throttle.get(), work, template);
            if (!throttles.admit(key, throttle.get().max(), throttle.get().period(), message.id(), work.now)) {
                message.throttled(throttle.get(), key, work.now);
                return false;
            }
        }
        message.route(decision, work.now);
        work.mappedTo(template);
        return decision instanceof RoutingDecision.Routed;
    }

    /** The throttle's key for this message: Handlebars over its data, profile, user_id, recipient and template. */
    private String keyOf(Throttle throttle, MessageWork work, Optional<Template> template) {
        Message message = work.message;
        Map<String, Object> context = new LinkedHashMap<>(message.spec().data());
        context.put("data", message.spec().data());
        message.recipient().userId().ifPresent(user -> {
            context.put("user_id", user.value());
            context.put("profile", work.profileView());
        });
        context.put("recipient", message.recipient().userId().map(UserId::value).orElse(message.id().value()));
        template.ifPresent(t -> context.put("template", t.id()));
        try {
            return renderer.renderText(throttle.key(), context, "throttle.key");
        } catch (InvalidValueException unrenderable) {
            return throttle.key();
        }
    }

    /** What the user chose in the send's tenant, or outside any, or what the tenant or the workspace topic gives them (see {@link EffectivePreference}). */
    private EffectivePreference preferenceOf(MessageWork work, UserId user, String topic) {
        Optional<String> tenantId = work.message.spec().tenantId();
        Optional<TopicPreference> inTenant = tenantId.flatMap(tenant -> preferences.find(user, Optional.of(tenant), topic));
        return EffectivePreference.resolve(topic, inTenant, preferences.find(user, topic),
                work.tenant().flatMap(tenant -> tenant.defaultFor(topic)), work.batch.topic(topic));
    }

    private RoutingDecision route(MessageWork work, MessageSpec spec, Optional<Template> template) {
        Optional<String> topic = spec.topicId().or(() -> template.flatMap(Template::topic));
        Optional<EffectivePreference> preference = topic.flatMap(t -> work.message.recipient().userId().map(user -> preferenceOf(work, user, t)));
        RoutingNode.Group routing = spec.routing().or(() -> template.map(Template::routing)).orElse(DEFAULT_CONTENT_ROUTING);
        Set<Channel> withContent = template.map(Template::channelsWithContent).orElse(Set.of(Channel.values()));
        RoutingNode withContentOnly = routing.prune(withContent::contains);
        if (withContentOnly == null) {
            return new RoutingDecision.Unroutable(RoutingDecision.Why.NO_CHANNELS, "the template has no content for the channels "
                    + routing.channels().stream().map(Channel::wireName).toList());
        }
        RoutingNode.Group pruned = withContentOnly instanceof RoutingNode.Group group ? group
                : new RoutingNode.Group(routing.method(), List.of(withContentOnly));
        RoutingDecision decision = RoutingPlanner.plan(pruned, work.addresses().reachability(work.pushTokens()), preference,
                leaf -> providers.hasProvider(leaf, spec));
        if (decision instanceof RoutingDecision.Unroutable unroutable && unroutable.reason() == RoutingDecision.Why.NO_PROVIDERS) {
            return new RoutingDecision.Unroutable(RoutingDecision.Why.NO_PROVIDERS,
                    providers.whyNoProvider(EnumSet.copyOf(withContentOnly.channels()), spec));
        }
        return decision;
    }
}
