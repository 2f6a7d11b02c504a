package io.herald.application.delivery;

import io.herald.application.port.out.MessageRepository.DeliveryAttempt;
import io.herald.domain.delivery.AttemptOutcome;
import io.herald.domain.delivery.Leg;
import io.herald.domain.delivery.LegAttempt;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.message.Message;
import io.herald.domain.message.Recipient;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Addresses;
import io.herald.domain.routing.Channel;
import io.herald.domain.template.Template;
import io.herald.domain.tenant.Tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One message within a {@link DeliveryBatch}: what the step has read or rendered for it so far, read once. */
final class MessageWork {

    final DeliveryBatch batch;
    final Message message;
    final Instant now;
    private final Map<Channel, Map<String, Object>> outputs = new EnumMap<>(Channel.class);
    private boolean outputsLoaded;
    private Map<String, Object> profileView;
    private Addresses addresses;
    private List<String> pushTokens;
    private List<DeliveryAttempt> attempts;
    private Optional<Template> template;

    MessageWork(DeliveryBatch batch, Message message) {
        this.batch = batch;
        this.message = message;
        this.now = batch.now;
    }

    /**
     * The stored profile with the addresses given in {@code to} laid over it. In a tenant's context the tenant's
     * {@code user_profile} lies under it and the membership's profile over it (the addresses of {@code to} still win).
     */
    Map<String, Object> profileView() {
        if (profileView == null) {
            Recipient recipient = message.recipient();
            Map<String, Object> stored = recipient.userId().flatMap(batch.sources.profiles()::find).map(Profile::view).orElse(Map.of());
            Optional<Tenant> tenant = tenant();
            if (tenant.isPresent()) {
                Map<String, Object> membership = recipient.userId()
                        .flatMap(user -> batch.sources.tenants().memberProfile(tenant.get().id(), user)).orElse(Map.of());
                stored = JsonTrees.deepMerge(JsonTrees.deepMerge(tenant.get().userProfile(), stored), membership);
            }
            profileView = JsonTrees.deepMerge(stored, recipient.profileOverrides());
        }
        return profileView;
    }

    /** The tenant of the send's {@code context.tenant_id}, if it names one that exists. */
    Optional<Tenant> tenant() {
        return message.spec().tenantId().flatMap(batch::tenant);
    }

    Addresses addresses() {
        if (addresses == null) {
            addresses = Addresses.of(profileView(), message.recipient().userId().map(UserId::value));
        }
        return addresses;
    }

    /** The user's push tokens usable now. */
    List<String> pushTokens() {
        if (pushTokens == null) {
            pushTokens = message.recipient().userId().map(user -> batch.sources.pushTokens().list(user).stream()
                    .filter(token -> token.isUsableAt(now)).map(PushToken::token).toList()).orElse(List.of());
        }
        return pushTokens;
    }

    /** The template the message was mapped to (resolved in this step, or read again). */
    Optional<Template> template() {
        if (template == null) {
            template = message.templateId().filter(id -> message.spec().template().isPresent())
                    .flatMap(id -> batch.template(id, message.spec().tenantId()));
        }
        return template;
    }

    /**
     * The id of the brand the message is sent in: the send's {@code brand_id}, else its tenant's brand, else its
     * template's. A send-level choice wins because it is the most specific; a tenant's brand over the template's lets one
     * workspace template be sent in each customer's look.
     */
    Optional<String> brandId() {
        return message.spec().brandId()
                .or(() -> tenant().flatMap(Tenant::brandId))
                .or(() -> template().flatMap(Template::brand));
    }

    void mappedTo(Optional<Template> resolved) {
        template = resolved;
    }

    Map<String, Object> output(Channel channel) {
        if (!outputs.containsKey(channel) && !outputsLoaded) {
            batch.sources.messages().outputs(message.id()).forEach(outputs::putIfAbsent);
            outputsLoaded = true;
        }
        return outputs.getOrDefault(channel, Map.of());
    }

    void rendered(Channel channel, Map<String, Object> content) {
        outputs.put(channel, content);
    }

    /** The leg as the failover policy sees it. */
    Leg leg(String leafId, List<String> providers) {
        List<LegAttempt> calls = attempts(leafId).stream()
                .map(a -> new LegAttempt(a.provider(), a.attempt(), a.outcome(), a.error(), a.at())).toList();
        Instant dueSince = message.deliverAt().orElse(message.enqueuedAt());
        Channel channel = message.plan().orElseThrow().channelOf(leafId);
        return new Leg(message.id().value() + "/" + leafId, channel.wireName(), providers, calls,
                message.plan().orElseThrow().hasFallback(leafId), dueSince);
    }

    Optional<DeliveryAttempt> sentAttempt(String leafId) {
        return attempts(leafId).stream().filter(a -> a.outcome() == AttemptOutcome.SENT).findFirst();
    }

    /** Keeps an attempt (replacing the one with the same leaf, provider and number) for the batch to write. */
    void remember(DeliveryAttempt attempt) {
        batch.attemptsToRecord.add(attempt);
        List<DeliveryAttempt> updated = new ArrayList<>();
        for (DeliveryAttempt existing : allAttempts()) {
            boolean same = existing.leafId().equals(attempt.leafId()) && existing.provider().equals(attempt.provider())
                    && existing.attempt() == attempt.attempt();
            if (!same) {
                updated.add(existing);
            }
        }
        updated.add(attempt);
        updated.sort(Comparator.comparing(DeliveryAttempt::leafId).thenComparing(DeliveryAttempt::provider)
                .thenComparingInt(DeliveryAttempt::attempt));
        attempts = updated;
    }

    private List<DeliveryAttempt> attempts(String leafId) {
        return allAttempts().stream().filter(a -> a.leafId().equals(leafId)).toList();
    }

    private List<DeliveryAttempt> allAttempts() {
        if (attempts == null) {
            attempts = new ArrayList<>(batch.attemptsOf(message.id()));
        }
        return attempts;
    }
}
