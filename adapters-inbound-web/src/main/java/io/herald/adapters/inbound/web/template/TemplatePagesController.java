package io.herald.adapters.inbound.web.template;

import io.herald.adapters.inbound.web.message.OutputView;
import io.herald.adapters.inbound.web.page.Links;
import io.herald.adapters.inbound.web.page.Pages;
import io.herald.adapters.inbound.web.page.PrettyJson;
import io.herald.adapters.inbound.web.page.Shell;
import io.herald.adapters.inbound.web.page.Shell.Section;
import io.herald.adapters.inbound.web.session.ConsolePaths;
import io.herald.adapters.inbound.web.session.FormFields;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManageProfilesUseCase;
import io.herald.application.port.in.ManageTemplatesUseCase;
import io.herald.application.port.in.SendMessageCommand;
import io.herald.application.port.in.SendMessageUseCase;
import io.herald.application.port.in.OpenConsoleSessionUseCase.ConsoleSession;
import io.herald.domain.message.MessageSpec;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.herald.domain.template.Template;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Templates (DESIGN §12): the list, and an editor that previews the draft as the operator types, rendered for
 * sample data and, if named, a real user's profile, with any error shown where it is. Saving goes through the same
 * use case as {@code PUT /templates/{id}}, so the API's rules and messages apply unchanged.
 */
@Controller(ConsolePaths.CONSOLE + "/templates")
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplatePagesController {

    private static final int PAGE_SIZE = 50;
    private static final Map<String, Object> STARTER = starter();
    private static final String SAMPLE_DATA = "{\n  \"first_name\": \"Ada\",\n  \"order\": {\"id\": \"1042\", \"total\": \"€12.50\"}\n}";

    private final ManageTemplatesUseCase templates;
    private final ManageProfilesUseCase profiles;
    private final SendMessageUseCase send;
    private final JsonMapper json;
    private final Pages pages;

    TemplatePagesController(ManageTemplatesUseCase templates, ManageProfilesUseCase profiles, SendMessageUseCase send, JsonMapper json,
                            Pages pages) {
        this.templates = templates;
        this.profiles = profiles;
        this.send = send;
        this.json = json;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> list(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session, @Nullable @QueryValue String cursor,
                         @Nullable @QueryValue("new") String newId) {
        if (newId != null && !newId.isBlank()) {
            return HttpResponse.seeOther(URI.create("/console/templates/" + URLEncoder.encode(newId.trim(), StandardCharsets.UTF_8).replace("+", "%20")));
        }
        Page<Template> page = templates.list(Optional.ofNullable(cursor).filter(value -> !value.isBlank()), PAGE_SIZE);
        List<TemplatesPage.Row> rows = page.items().stream().map(template -> new TemplatesPage.Row(template.id(), template.name(),
                String.join(", ", template.events()),
                template.content().isPresent() ? "Elemental: every channel"
                        : template.channels().keySet().stream().map(Channel::wireName).sorted().collect(Collectors.joining(", ")),
                template.topic().orElse(""))).toList();
        return pages.render("templates.jte", new TemplatesPage(new Shell("Templates", Section.TEMPLATES, session.csrfToken()), rows,
                page.cursor().map(more -> "/console/templates?" + Links.param("cursor", more)).orElse(null)));
    }

    @Get("/{id}")
    HttpResponse<String> edit(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session, @PathVariable String id,
                              @Nullable @QueryValue String saved) {
        Optional<Template> existing = templates.find(id);
        Map<String, Object> body = existing.map(TemplatePagesController::editable).orElse(STARTER);
        Draft draft = new Draft(PrettyJson.write(body), SAMPLE_DATA, "");
        return pages.renderFramingDrafts("template.jte", new TemplateEditorPage(shell(id, session), id, existing.isEmpty(), saved != null,
                draft.body(), draft.data(), draft.profile(), preview(id, draft)));
    }

    /** The preview of what is in the editor now: htmx posts the form as it changes and swaps this in. */
    @Post("/{id}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> preview(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session, @PathVariable String id,
                                 @Body String form) {
        Draft draft = Draft.of(FormFields.parse(form));
        return pages.renderFramingDrafts("template-preview.jte", preview(id, draft));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, @RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session,
                         @PathVariable String id, @Body String form) {
        Draft draft = Draft.of(FormFields.parse(form));
        try {
            templates.put(Template.parse(id, object(draft.body(), "the template")));
            return HttpResponse.seeOther(URI.create("/console/templates/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "?saved"));
        } catch (InvalidValueException refused) {
            TemplateEditorPage.Preview preview = new TemplateEditorPage.Preview("Not saved: " + refused.getMessage(), List.of(), "");
            return pages.renderFramingDrafts("template.jte", new TemplateEditorPage(shell(id, session), id, templates.find(id).isEmpty(),
                    false, draft.body(), draft.data(), draft.profile(), preview)).status(HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    /**
     * A test send of the saved template to the user named in the editor, with its sample data, as {@code POST /send}
     * would make it; the console then opens the message. The draft stays in the editor when something is missing.
     */
    @Post("/{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> test(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session, @PathVariable String id,
                         @Body String form) {
        Draft draft = Draft.of(FormFields.parse(form));
        try {
            if (templates.find(id).isEmpty()) {
                throw new InvalidValueException("Save the template before sending a test of it.");
            }
            if (draft.profile().isBlank()) {
                throw new InvalidValueException("Name the user to send the test to, under \"Render for the profile of user\".");
            }
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("to", Map.of("user_id", draft.profile().trim()));
            spec.put("template", id);
            spec.put("data", object(draft.data(), "the sample data"));
            SendMessageUseCase.SendResult sent = send.send(new SendMessageCommand(MessageSpec.parse(spec), Optional.empty(), ""));
            return HttpResponse.seeOther(URI.create("/console/messages/" + sent.messageIds().get(0)));
        } catch (InvalidValueException refused) {
            TemplateEditorPage.Preview preview = new TemplateEditorPage.Preview("Not sent: " + refused.getMessage(), List.of(), "");
            return pages.renderFramingDrafts("template.jte", new TemplateEditorPage(shell(id, session), id, templates.find(id).isEmpty(),
                    false, draft.body(), draft.data(), draft.profile(), preview)).status(HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private TemplateEditorPage.Preview preview(String id, Draft draft) {
        try {
            Template template = Template.parse(id, object(draft.body(), "the template"));
            Map<String, Object> data = object(draft.data(), "the sample data");
            Map<String, Object> profile = Map.of();
            String note = "";
            if (!draft.profile().isBlank()) {
                Optional<Profile> found = profiles.find(UserId.of(draft.profile().trim()));
                profile = found.map(Profile::view).orElse(Map.of());
                note = found.isPresent() ? "Rendered for " + draft.profile().trim() + "'s profile."
                        : "No profile for " + draft.profile().trim() + ": rendered with an empty profile.";
            }
            List<OutputView> outputs = templates.preview(template, data, profile).entrySet().stream()
                    .map(output -> OutputView.ofDraft(output.getKey(), output.getValue())).toList();
            if (outputs.isEmpty()) {
                return new TemplateEditorPage.Preview("", outputs, "The template has no channel content yet: add one under \"channels\".");
            }
            return new TemplateEditorPage.Preview("", outputs, note);
        } catch (InvalidValueException invalid) {
            return new TemplateEditorPage.Preview(invalid.getMessage(), List.of(), "");
        }
    }

    private Map<String, Object> object(String text, String what) {
        if (text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Object> parsed = json.readValue(text, Argument.mapOf(String.class, Object.class));
            if (parsed == null) {
                throw new InvalidValueException(what + " must be a JSON object");
            }
            return parsed;
        } catch (IOException malformed) {
            String reason = String.valueOf(malformed.getMessage());
            int end = reason.indexOf('\n');
            throw new InvalidValueException(what + " is not valid JSON: " + (end < 0 ? reason : reason.substring(0, end)) + location(malformed));
        }
    }

    /** Jackson names the line and column of a syntax error in its location, which the message may not include. */
    private static String location(IOException malformed) {
        String message = String.valueOf(malformed.getMessage());
        int line = message.indexOf("line: ");
        if (line < 0) {
            return "";
        }
        int end = message.indexOf(']', line);
        return " (" + message.substring(line, end < 0 ? message.length() : end) + ")";
    }

    private static Shell shell(String id, ConsoleSession session) {
        return new Shell("Template " + id, Section.TEMPLATES, session.csrfToken());
    }

    /** The template as {@code PUT /templates/{id}} takes it: without its id, which is in the path. */
    private static Map<String, Object> editable(Template template) {
        Map<String, Object> body = new LinkedHashMap<>(template.toJson());
        body.remove("id");
        if (body.get("topic") == null) {
            body.remove("topic");
        }
        return body;
    }

    private static Map<String, Object> starter() {
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("subject", "Welcome, {{first_name}}!");
        email.put("html", "<h1 style=\"color:#2457d6\">Hi {{first_name}}</h1>\n<p>Your order {{order.id}} of {{order.total}} is on its way.</p>");
        email.put("text", "Hi {{first_name}}, your order {{order.id}} is on its way.");
        Map<String, Object> channels = new LinkedHashMap<>();
        channels.put("email", email);
        channels.put("sms", Map.of("body", "Order {{order.id}} is on its way"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Order shipped");
        body.put("events", List.of("Order Shipped"));
        body.put("channels", channels);
        return body;
    }

    /** What the editor's form carries. */
    private record Draft(String body, String data, String profile) {

        static Draft of(FormFields form) {
            return new Draft(form.first("body").orElse(""), form.first("data").orElse(""), form.first("profile").orElse(""));
        }
    }
}
