package io.herald.adapters.inbound.web.user;

import io.herald.adapters.inbound.web.message.MessageRow;
import io.herald.adapters.inbound.web.page.Pages;
import io.herald.adapters.inbound.web.page.Shell;
import io.herald.adapters.inbound.web.page.Shell.Section;
import io.herald.adapters.inbound.web.page.Times;
import io.herald.adapters.inbound.web.session.ConsolePaths;
import io.herald.application.port.Page;
import io.herald.application.port.in.ManagePreferencesUseCase;
import io.herald.adapters.inbound.web.automation.AutomationPages.RunRow;
import io.herald.application.port.in.ListInboundEventsUseCase;
import io.herald.application.port.in.ManageInboxUseCase;
import io.herald.application.port.in.QueryAutomationRunsUseCase;
import io.herald.application.port.in.ManageListsUseCase;
import io.herald.application.port.in.ManagePushTokensUseCase;
import io.herald.application.port.in.QueryTenantsUseCase;
import io.herald.application.port.out.InboxRepository.InboxEntry;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.PushToken;
import io.herald.application.port.in.ManageProfilesUseCase;
import io.herald.application.port.in.OpenConsoleSessionUseCase.ConsoleSession;
import io.herald.application.port.in.QueryMessagesUseCase;
import io.herald.application.port.out.Clock;
import io.herald.application.port.out.MessageRepository.MessageQuery;
import io.herald.domain.message.Message;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/** A user seen from every side (DESIGN §12): it works for any user id with messages, even one with no stored profile. */
@Controller(ConsolePaths.CONSOLE + "/users")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserPagesController {

    private static final int MESSAGES_SHOWN = 25;

    private final ManageProfilesUseCase profiles;
    private final ManagePreferencesUseCase preferences;
    private final QueryMessagesUseCase messages;
    private final ManagePushTokensUseCase pushTokens;
    private final ManageListsUseCase lists;
    private final QueryTenantsUseCase tenants;
    private final ManageInboxUseCase inbox;
    private final QueryAutomationRunsUseCase runs;
    private final ListInboundEventsUseCase events;
    private final Clock clock;
    private final Pages pages;

    UserPagesController(ManageProfilesUseCase profiles, ManagePreferencesUseCase preferences, QueryMessagesUseCase messages,
                        ManagePushTokensUseCase pushTokens, ManageListsUseCase lists, QueryTenantsUseCase tenants,
                        ManageInboxUseCase inbox, QueryAutomationRunsUseCase runs, ListInboundEventsUseCase events, Clock clock,
                        Pages pages) {
        this.profiles = profiles;
        this.preferences = preferences;
        this.messages = messages;
        this.pushTokens = pushTokens;
        this.lists = lists;
        this.tenants = tenants;
        this.inbox = inbox;
        this.runs = runs;
        this.events = events;
        this.clock = clock;
        this.pages = pages;
    }

    /** The search form; a submitted id goes straight to that user's page. */
    @Get
    HttpResponse<?> find(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session, @Nullable @QueryValue String id) {
        if (id != null && !id.isBlank()) {
            return HttpResponse.seeOther(URI.create("/console/users/" + URLEncoder.encode(id.trim(), StandardCharsets.UTF_8).replace("+", "%20")));
        }
        return pages.render("users.jte", new UsersPage(new Shell("Users", Section.USERS, session.csrfToken()), ""));
    }

    @Get("/{userId}")
    HttpResponse<String> user(@RequestAttribute(ConsolePaths.SESSION_ATTRIBUTE) ConsoleSession session, @PathVariable String userId) {
        UserId user = UserId.of(userId);
        Optional<Profile> profile = profiles.find(user);
        Page<Message> sent = messages.list(new MessageQuery(Optional.of(user.value()), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), MESSAGES_SHOWN));
        Shell shell = new Shell("User " + user.value(), Section.USERS, session.csrfToken());
        if (profile.isEmpty() && sent.items().isEmpty()) {
            return pages.render("users.jte", new UsersPage(shell, user.value())).status(404);
        }
        Instant now = clock.now();
        List<UserPage.Attribute> attributes = profile.map(found -> found.attributes().entrySet().stream()
                .map(attribute -> new UserPage.Attribute(attribute.getKey(), String.valueOf(attribute.getValue()))).toList()).orElse(List.of());
        String lastActive = profile.flatMap(Profile::lastActiveAt).map(at -> Times.shown(at) + " (" + Times.ago(at, now) + ")").orElse("");
        List<UserPage.Preference> topics = preferences.list(user).stream()
                .map(preference -> new UserPage.Preference(preference.topicId(), preference.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        preference.hasCustomRouting() ? preference.customRouting().stream().map(Channel::wireName).collect(Collectors.joining(", ")) : ""))
                .toList();
        String more = sent.hasMore() ? "/console/messages?recipient=" + URLEncoder.encode(user.value(), StandardCharsets.UTF_8) : null;
        List<UserPage.Device> devices = pushTokens.list(user).stream().limit(UserPage.SHOWN).map(UserPagesController::device).toList();
        List<String> listIds = lists.listsOf(user).stream().limit(UserPage.SHOWN + 1L).map(SubscriptionList::id).toList();
        Page<String> tenantIds = tenants.tenantsOf(user, Optional.empty(), UserPage.SHOWN);
        Page<InboxEntry> items = inbox.list(user, true, Optional.empty(), UserPage.SHOWN);
        return pages.render("user.jte", new UserPage(shell, user.value(), profile.isPresent(), attributes, lastActive, topics, devices,
                listIds.stream().limit(UserPage.SHOWN).toList(), listIds.size() > UserPage.SHOWN, tenantIds.items(), tenantIds.hasMore(),
                items.items().stream().map(item -> inboxItem(item, now)).toList(), items.hasMore(),
                runs.latestFor(user.value(), UserPage.SHOWN).stream().map(run -> RunRow.of(run, now)).toList(),
                events.recentOf(user.value(), UserPage.SHOWN).stream().map(event -> new UserPage.EventRow(event.type(),
                        event.name() == null ? "" : event.name(), event.status().name(), Times.ago(event.receivedAt(), now))).toList(),
                sent.items().stream().map(message -> MessageRow.of(message, now)).toList(), more));
    }

    private static UserPage.Device device(PushToken token) {
        String value = token.token();
        String shown = value.length() <= 8 ? "…" : "…" + value.substring(value.length() - 6);
        Object model = token.device() == null ? null : token.device().get("model");
        Object platform = token.device() == null ? null : token.device().get("platform");
        String device = Stream.of(platform, model).filter(Objects::nonNull).map(String::valueOf)
                .collect(Collectors.joining(" "));
        return new UserPage.Device(token.providerKey(), shown, device, token.status() == null ? "" : token.status().toLowerCase(Locale.ROOT));
    }

    private static UserPage.InboxItem inboxItem(InboxEntry item, Instant now) {
        Object title = item.content().get("title");
        String state = item.archived() != null ? "archived" : item.read() != null ? "read" : "unread";
        return new UserPage.InboxItem(item.messageId().value(), title == null ? "(no title)" : String.valueOf(title), state,
                Times.ago(item.created(), now));
    }
}
