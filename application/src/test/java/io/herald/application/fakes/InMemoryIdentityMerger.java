package io.herald.application.fakes;

import io.herald.application.port.out.IdentityMerger;
import io.herald.domain.profile.UserId;

/** Moves the visitor's data between the fakes that keep it, as the database moves it between tables. */
public final class InMemoryIdentityMerger implements IdentityMerger {

    private final InMemoryProfileRepository profiles;
    private final InMemoryPushTokenRepository pushTokens;
    private final InMemoryListRepository lists;
    private final InMemoryTenantRepository tenants;
    private final InMemoryPreferenceRepository preferences;
    private final InMemoryInboxRepository inbox;

    public InMemoryIdentityMerger(InMemoryProfileRepository profiles, InMemoryPushTokenRepository pushTokens, InMemoryListRepository lists,
                                  InMemoryTenantRepository tenants, InMemoryPreferenceRepository preferences, InMemoryInboxRepository inbox) {
        this.profiles = profiles;
        this.pushTokens = pushTokens;
        this.lists = lists;
        this.tenants = tenants;
        this.preferences = preferences;
        this.inbox = inbox;
    }

    @Override
    public void moveInto(UserId from, UserId into) {
        pushTokens.moveInto(from, into);
        lists.moveInto(from, into);
        tenants.moveInto(from, into);
        preferences.moveInto(from, into);
        inbox.moveInto(from, into);
        profiles.delete(from);
    }
}
