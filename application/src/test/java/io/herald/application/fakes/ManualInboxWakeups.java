package io.herald.application.fakes;

import io.herald.application.port.out.InboxWakeups;
import io.herald.domain.profile.UserId;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/** Wake-ups the test gives, as PostgreSQL's NOTIFY would after a commit. */
public final class ManualInboxWakeups implements InboxWakeups {

    private final Map<UserId, Set<Runnable>> watchers = new ConcurrentHashMap<>();

    @Override
    public Watch watch(UserId userId, Runnable wake) {
        watchers.computeIfAbsent(userId, user -> new CopyOnWriteArraySet<>()).add(wake);
        return () -> watchers.getOrDefault(userId, Set.of()).remove(wake);
    }

    @Override
    public boolean listening() {
        return true;
    }

    public void wake(UserId userId) {
        watchers.getOrDefault(userId, Set.of()).forEach(Runnable::run);
    }

    public int watching(UserId userId) {
        return watchers.getOrDefault(userId, Set.of()).size();
    }
}
