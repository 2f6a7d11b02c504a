package io.herald.application.fakes;

import io.herald.application.port.out.PersonalDataEraser;
import io.herald.domain.profile.UserId;

/** Erases the user's data from each fake that keeps some, as the database erases it from each table. */
public final class InMemoryPersonalDataEraser implements PersonalDataEraser {

    private final InMemoryPushTokenRepository pushTokens;
    private final InMemoryListRepository lists;
    private final InMemoryTenantRepository tenants;
    private final InMemoryPreferenceRepository preferences;
    private final InMemoryInboxRepository inbox;
    private final InMemoryMessageRepository messages;

    public InMemoryPersonalDataEraser(InMemoryPushTokenRepository pushTokens, InMemoryListRepository lists, InMemoryTenantRepository tenants,
                                      InMemoryPreferenceRepository preferences, InMemoryInboxRepository inbox,
                                      InMemoryMessageRepository messages) {
        this.pushTokens = pushTokens;
        this.lists = lists;
        this.tenants = tenants;
        this.preferences = preferences;
        this.inbox = inbox;
        this.messages = messages;
    }

    @Override
    public void erase(UserId userId) {
        pushTokens.erase(userId);
        lists.erase(userId);
        tenants.erase(userId);
        preferences.erase(userId);
        inbox.erase(userId);
        messages.erase(userId);
    }
}
