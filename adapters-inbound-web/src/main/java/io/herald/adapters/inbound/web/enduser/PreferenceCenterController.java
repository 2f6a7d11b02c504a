package io.herald.adapters.inbound.web.enduser;

import io.herald.adapters.inbound.web.page.Pages;
import io.herald.adapters.inbound.web.session.FormFields;
import io.herald.application.errors.NotFoundException;
import io.herald.application.port.in.AuthenticateCallerUseCase;
import io.herald.application.port.in.AuthenticateCallerUseCase.ClientUser;
import io.herald.application.port.in.AuthenticateCallerUseCase.Scheme;
import io.herald.application.port.in.ManagePreferencesUseCase;
import io.herald.application.port.in.ManageWorkspacePreferencesUseCase;
import io.herald.application.port.in.ManageWorkspacePreferencesUseCase.SectionView;
import io.herald.application.port.in.RecipientLinks;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.preference.WorkspaceTopic;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hosted preference center (DESIGN §13) and the pages of unsubscribe links. The center opens with the signed link
 * a message carries ({@code ?u=&s=}) or with a client token ({@code ?token=}, scopes read:preferences and
 * write:preferences); every form carries the same back, so the pages need no login and no cookie. A REQUIRED topic is
 * shown locked. Saving goes through the preferences use case, which refuses leaving a REQUIRED topic whatever the path.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class PreferenceCenterController {

    static final String CENTER = "/preferences-center";
    static final String UNSUBSCRIBE = "/unsubscribe";
    private static final Map<Channel, String> LABELS = Map.of(Channel.EMAIL, "Email", Channel.SMS, "Text message", Channel.PUSH,
            "Push notification", Channel.INBOX, "In-app inbox");

    private final ManageWorkspacePreferencesUseCase workspace;
    private final ManagePreferencesUseCase preferences;
    private final RecipientLinks links;
    private final AuthenticateCallerUseCase callers;
    private final Pages pages;

    PreferenceCenterController(ManageWorkspacePreferencesUseCase workspace, ManagePreferencesUseCase preferences, RecipientLinks links,
                               AuthenticateCallerUseCase callers, Pages pages) {
        this.workspace = workspace;
        this.preferences = preferences;
        this.links = links;
        this.callers = callers;
        this.pages = pages;
    }

    /** Who the page acts for, and the fields that say so again on its forms. */
    private record Visitor(UserId user, List<PreferenceCenterPage.Field> auth) {
    }

    @Get(CENTER)
    HttpResponse<String> center(@Nullable @QueryValue String u, @Nullable @QueryValue String s, @Nullable @QueryValue String token,
                                @Nullable @QueryValue String saved) {
        Optional<Visitor> visitor = visitor(u, s, token);
        if (visitor.isEmpty()) {
            return invalid();
        }
        return pages.render("enduser/preferences.jte", page(visitor.get(), saved, null));
    }

    @Post(CENTER + "/topics/{topic_id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, @PathVariable("topic_id") String topicId, @Body String form) {
        FormFields fields = FormFields.parse(form);
        Optional<Visitor> visitor = visitor(fields.first("u").orElse(null), fields.first("s").orElse(null), fields.first("token").orElse(null));
        boolean script = request.getHeaders().accept().stream().anyMatch(type -> type.matches(MediaType.APPLICATION_JSON_TYPE));
        if (visitor.isEmpty()) {
            return script ? HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("error", "This link is not valid"))
                    : invalid().status(HttpStatus.FORBIDDEN);
        }
        try {
            WorkspaceTopic topic = topicOf(topicId);
            PreferenceStatus status = fields.first("status").map(value -> PreferenceStatus.parse(value, "status")).orElse(PreferenceStatus.OPTED_OUT);
            List<Channel> chosen = fields.all("channel").stream().map(name -> Channel.parse(name, "channel")).toList();
            boolean custom = topic.channelsChoosable() && fields.first("channels").isPresent();
            preferences.put(visitor.get().user(), Optional.empty(), topicId, status, custom, custom ? chosen : List.of());
        } catch (InvalidValueException | NotFoundException refused) {
            if (script) {
                return HttpResponse.status(HttpStatus.CONFLICT).body(Map.of("error", refused.getMessage()));
            }
            return pages.render("enduser/preferences.jte", page(visitor.get(), null, refused.getMessage())).status(HttpStatus.CONFLICT);
        }
        if (script) {
            return HttpResponse.ok(Map.of("saved", topicId));
        }
        return HttpResponse.seeOther(URI.create(CENTER + "?" + query(visitor.get().auth()) + "&saved=" + encode(topicId)));
    }

    @Get(UNSUBSCRIBE)
    HttpResponse<String> askToUnsubscribe(@Nullable @QueryValue String u, @Nullable @QueryValue String t, @Nullable @QueryValue String s) {
        Optional<UserId> user = links.unsubscribingUser(u, t, s);
        if (user.isEmpty()) {
            return pages.render("enduser/unsubscribe.jte", new UnsubscribePage("invalid", "", "", null)).status(HttpStatus.FORBIDDEN);
        }
        return pages.render("enduser/unsubscribe.jte", new UnsubscribePage("ask", topicName(t), UNSUBSCRIBE + "?" + query(List.of(
                new PreferenceCenterPage.Field("u", u), new PreferenceCenterPage.Field("t", t), new PreferenceCenterPage.Field("s", s))),
                links.preferencesUrl(user.get())));
    }

    /**
     * The one-click unsubscribe of RFC 8058 (a mail client POSTs {@code List-Unsubscribe=One-Click} to the link), and
     * the button of the page above: either opts the user out of the topic, without a login.
     */
    @Post(UNSUBSCRIBE)
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    HttpResponse<String> unsubscribe(@Nullable @QueryValue String u, @Nullable @QueryValue String t, @Nullable @QueryValue String s) {
        Optional<UserId> user = links.unsubscribingUser(u, t, s);
        if (user.isEmpty()) {
            return pages.render("enduser/unsubscribe.jte", new UnsubscribePage("invalid", "", "", null)).status(HttpStatus.FORBIDDEN);
        }
        try {
            preferences.put(user.get(), Optional.empty(), t, PreferenceStatus.OPTED_OUT, false, List.of());
        } catch (InvalidValueException required) {
            return pages.render("enduser/unsubscribe.jte", new UnsubscribePage("required", topicName(t), "",
                    links.preferencesUrl(user.get()))).status(HttpStatus.CONFLICT);
        }
        return pages.render("enduser/unsubscribe.jte", new UnsubscribePage("done", topicName(t), "", links.preferencesUrl(user.get())));
    }

    private MutableHttpResponse<String> invalid() {
        return pages.render("enduser/unsubscribe.jte", new UnsubscribePage("invalid", "", "", null)).status(HttpStatus.FORBIDDEN);
    }

    private Optional<Visitor> visitor(@Nullable String u, @Nullable String s, @Nullable String token) {
        if (token != null && !token.isBlank()) {
            return callers.authenticateHeader("Bearer " + token, Set.of(Scheme.BEARER))
                    .filter(ClientUser.class::isInstance).map(ClientUser.class::cast)
                    .filter(client -> client.may("read:preferences") && client.may("write:preferences"))
                    .map(client -> new Visitor(client.user(), List.of(new PreferenceCenterPage.Field("token", token))));
        }
        return links.preferencesUser(u, s).map(user -> new Visitor(user, List.of(new PreferenceCenterPage.Field("u", u),
                new PreferenceCenterPage.Field("s", s))));
    }

    private PreferenceCenterPage page(Visitor visitor, @Nullable String saved, @Nullable String error) {
        List<PreferenceCenterPage.Section> sections = new ArrayList<>();
        for (SectionView view : workspace.sections()) {
            List<PreferenceCenterPage.Topic> topics = new ArrayList<>();
            for (WorkspaceTopic topic : view.topics()) {
                TopicPreference preference = preferences.find(visitor.user(), Optional.empty(), topic.id()).preference();
                List<Channel> offered = !topic.routingOptions().isEmpty() ? topic.routingOptions()
                        : !view.section().routingOptions().isEmpty() ? view.section().routingOptions() : List.of(Channel.values());
                Set<Channel> chosen = preference.hasCustomRouting() ? Set.copyOf(preference.customRouting()) : Set.copyOf(offered);
                List<PreferenceCenterPage.Choice> channels = topic.channelsChoosable()
                        ? offered.stream().map(c -> new PreferenceCenterPage.Choice(c.wireName(), LABELS.get(c), chosen.contains(c))).toList()
                        : List.of();
                topics.add(new PreferenceCenterPage.Topic(topic.id(), topic.name(), topic.description().orElse(""), topic.required(),
                        preference.status() != PreferenceStatus.OPTED_OUT, channels));
            }
            if (!topics.isEmpty()) {
                sections.add(new PreferenceCenterPage.Section(view.section().name(), view.section().description().orElse(""), topics));
            }
        }
        return new PreferenceCenterPage(sections, visitor.auth(), saved, error);
    }

    private WorkspaceTopic topicOf(String topicId) {
        return workspace.sections().stream().flatMap(view -> view.topics().stream()).filter(topic -> topic.id().equals(topicId)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no topic '" + topicId + "'"));
    }

    private String topicName(String topicId) {
        return workspace.sections().stream().flatMap(view -> view.topics().stream()).filter(topic -> topic.id().equals(topicId))
                .map(WorkspaceTopic::name).findFirst().orElse(topicId);
    }

    static String query(List<PreferenceCenterPage.Field> fields) {
        return fields.stream().map(field -> field.name() + "=" + encode(field.value())).collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
