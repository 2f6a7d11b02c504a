package io.herald.application.delivery;

import io.herald.application.port.in.RecipientLinks;
import io.herald.application.port.out.ChannelSender.Delivery;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.template.BrandedEmail;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.brand.Brand;
import io.herald.domain.template.Catalog;
import io.herald.domain.json.JsonTrees;
import io.herald.domain.message.Message;
import io.herald.domain.message.MessageReason;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Template;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a channel's provider is given: the rendered content, the address and the message's metadata. */
final class ChannelContent {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPipelineService.class);

    private final TemplateRenderer renderer;
    private final RecipientLinks links;

    ChannelContent(TemplateRenderer renderer, RecipientLinks links) {
        this.renderer = renderer;
        this.links = links;
    }

    /**
     * A channel is rendered when it is first due, so a {@code single} routing renders only the channels it uses;
     * the output is kept with the message. False when the content cannot be rendered: the message fails.
     */
    boolean render(MessageWork work, Channel channel) {
        if (!work.output(channel).isEmpty()) {
            return true;
        }
        Message message = work.message;
        try {
            Map<String, Object> context = JsonTrees.deepMerge(message.spec().data(), message.recipient().data());
            context.put("profile", work.profileView());
            Optional<Template> template = work.template();
            if (message.spec().template().isPresent() && template.isEmpty()) {
                throw new InvalidValueException("template '" + message.templateId().orElse("?") + "' was deleted before "
                        + channel.wireName() + " could be rendered");
            }
            Optional<Brand> brand = brand(work);
            brand.ifPresent(look -> context.put("brand", look.templateContext()));
            Optional<UserId> user = message.recipient().userId();
            Optional<String> topic = message.spec().topicId().or(() -> template.flatMap(Template::topic));
            user.ifPresent(id -> {
                context.putIfAbsent("preferences_url", links.preferencesUrl(id));
                context.putIfAbsent("unsubscribe_url", topic.map(t -> links.unsubscribeUrl(id, t)).orElseGet(() -> links.preferencesUrl(id)));
            });
            Catalog catalog = work.profileView().get("locale") instanceof String locale && !locale.isBlank()
                    ? work.batch.catalog(locale) : Catalog.NONE;
            Map<String, Object> content = template.isPresent()
                    ? renderer.render(template.get(), channel, context, catalog)
                    : renderer.render(message.spec().content().orElseThrow(), channel, context, catalog);
            if (channel == Channel.EMAIL && brand.isPresent()) {
                String footer = brand.get().emailLook().footer()
                        .map(text -> renderer.renderText(text, context, "brand.settings.email.footer.content")).orElse("");
                content = BrandedEmail.apply(content, brand.get(), footer);
            }
            if (channel == Channel.EMAIL && user.isPresent() && topic.flatMap(work.batch::topic)
                    .filter(t -> t.includeUnsubscribeHeader() && !t.required()).isPresent()) {
                // RFC 8058 one-click unsubscribe, which Gmail and Yahoo require of bulk senders: a POST to the link opts out.
                content = new LinkedHashMap<>(content);
                content.put("headers", Map.of("List-Unsubscribe", "<" + links.unsubscribeUrl(user.get(), topic.get()) + ">",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
            }
            work.batch.outputsToSave.add(new MessageRepository.Output(message.id(), channel, content, work.now));
            work.rendered(channel, content);
            message.rendered(channel, work.now);
            return true;
        } catch (InvalidValueException unrenderable) {
            message.fail(MessageReason.FAILED, unrenderable.getMessage(), work.now);
            return false;
        }
    }

    /** The message's brand; one deleted since the send is left out, with a warning, rather than failing the message. */
    private static Optional<Brand> brand(MessageWork work) {
        Optional<String> brandId = work.brandId();
        Optional<Brand> brand = brandId.flatMap(work.batch::brand);
        if (brandId.isPresent() && brand.isEmpty()) {
            LOG.warn("Message {}: brand '{}' does not exist (deleted since the send?); rendered without a brand", work.message.id(), brandId.get());
        }
        return brand;
    }

    Delivery delivery(MessageWork work, Channel channel, String provider) {
        Message message = work.message;
        Map<String, Object> metadata = new LinkedHashMap<>(message.spec().metadata());
        message.templateId().ifPresent(template -> metadata.put("template", template));
        message.event().ifPresent(event -> metadata.put("event", event));
        return new Delivery(message.id(), channel, work.addresses().on(channel).orElse(null),
                channel == Channel.PUSH ? work.pushTokens() : List.of(), work.output(channel),
                message.spec().overrideFor(channel, provider), metadata);
    }
}
