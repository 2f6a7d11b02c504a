package io.herald.adapters.inbound.rest.reference;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The shapes of the Courier-compatible bodies, for the OpenAPI document only: the controllers read these bodies as
 * JSON trees (and raw bytes on {@code /send}), so the generated document would otherwise know nothing of them. The
 * field names and meanings are Courier's (docs/api.md has every field Herald reads).
 */
public final class Schemas {

    private Schemas() {
    }

    @Schema(name = "SendRequest", description = "POST /send: one message, to one recipient or several")
    public record SendRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) SendMessage message) {
    }

    @Schema(name = "SendMessage", description = "Courier's message: `to`, and a `template` or inline `content`")
    public record SendMessage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "a recipient, or a list of them",
                    oneOf = {Recipient.class, Recipient[].class}) Object to,
            @Schema(description = "the id of a saved template") String template,
            @Schema(description = "inline content, when no template is named") Content content,
            @Schema(description = "values for the template's {{placeholders}}") Map<String, Object> data,
            @Schema(description = "how to choose channels: `{\"method\": \"single\" | \"all\", \"channels\": [...]}`") Routing routing,
            @Schema(description = "per-channel overrides: `{\"email\": {\"providers\": [\"sendgrid\"], \"override\": {...}}}`")
            Map<String, Object> channels,
            @Schema(description = "`{\"duration\": milliseconds}` or `{\"until\": ISO-8601}`") Map<String, Object> delay,
            @Schema(description = "`{\"expires_in\": milliseconds}` or `{\"expires_at\": ISO-8601}`") Map<String, Object> expiry,
            @Schema(description = "`{\"event\": ..., \"tags\": [...]}`") Map<String, Object> metadata,
            @Schema(description = "`{\"subscription_topic_id\": ...}`: the send respects the user's preference for the topic")
            Map<String, Object> preferences) {
    }

    @Schema(name = "Recipient", description = "a user (by id, with optional addresses) or an address, or a list")
    public record Recipient(String user_id, String email, String phone_number, String list_id, String tenant_id,
                            Map<String, Object> data) {
    }

    @Schema(name = "Content", description = "inline content: a title (subject) and a body, both Handlebars")
    public record Content(String title, String body) {
    }

    @Schema(name = "Routing")
    public record Routing(@Schema(allowableValues = {"single", "all", "priority"}) String method, List<Object> channels) {
    }

    @Schema(name = "SendAccepted")
    public record SendAccepted(@Schema(description = "the message id for one recipient; the request id otherwise") String requestId) {
    }

    @Schema(name = "ProfileBody", description = "PUT replaces the profile, POST merges into it")
    public record ProfileBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            description = "the attributes: email, phone_number, locale, and any of your own") Map<String, Object> profile) {
    }

    @Schema(name = "ProfilePatch", description = "RFC 6902 operations, applied all or nothing")
    public record ProfilePatch(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PatchOperation> patch) {
    }

    @Schema(name = "PatchOperation")
    public record PatchOperation(@Schema(allowableValues = {"add", "remove", "replace", "move", "copy", "test"}) String op,
                                 String path, Object value, String from) {
    }

    @Schema(name = "Profile")
    public record Profile(Map<String, Object> profile) {
    }

    @Schema(name = "MessageList")
    public record MessageList(Paging paging, List<MessageDetails> results) {
    }

    @Schema(name = "Paging")
    public record Paging(@Schema(description = "pass as ?cursor= for the next page") String cursor, boolean more) {
    }

    @Schema(name = "MessageDetails", description = "times are epoch milliseconds")
    public record MessageDetails(String id, String requestId, String status, String reason, String recipient, String notification,
                                 String event, String channel, String provider, long enqueued, Long sent, Long delivered, Long opened,
                                 Long clicked, Long canceled, String error) {
    }

    @Schema(name = "Resent", description = "POST /messages/{message_id}/resend")
    public record Resent(@Schema(description = "the new message's id", requiredMode = Schema.RequiredMode.REQUIRED) String message_id) {
    }

    @Schema(name = "InvokeRequest", description = "POST /automations/invoke (ad hoc steps) or /automations/{id}/invoke")
    public record InvokeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String recipient,
                                @Schema(description = "the run's data") Map<String, Object> data,
                                @Schema(description = "merged into the recipient's profile before the run starts") Map<String, Object> profile,
                                @Schema(description = "what send steps without template or content send") String template,
                                @Schema(description = "ad hoc only: the steps, as a saved automation's") AdHocAutomation automation) {
    }

    @Schema(name = "AdHocAutomation")
    public record AdHocAutomation(@Schema(description = "`cancelation_token`, when a later cancel step should find this run")
                                  String cancelation_token, List<Map<String, Object>> steps) {
    }

    @Schema(name = "InvokeAccepted")
    public record InvokeAccepted(String runId) {
    }
}
