package io.herald.persistence.erasure;

import io.herald.application.port.out.PersonalDataEraser;
import io.herald.domain.profile.UserId;
import io.herald.persistence.support.Db;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
class JdbcPersonalDataEraser implements PersonalDataEraser {

    /** Each statement takes the user id as its one parameter; push tokens and tenant memberships go with the profile. */
    private static final List<String> ERASE = List.of(
            "DELETE FROM preferences WHERE user_id = ?",
            "DELETE FROM list_subscriptions WHERE user_id = ?",
            "DELETE FROM inbox_messages WHERE user_id = ?",
            "DELETE FROM inbox_events WHERE user_id = ?",
            "DELETE FROM push_tokens WHERE user_id = ?",
            "DELETE FROM tenant_members WHERE user_id = ?",
            "DELETE FROM message_outputs WHERE message_id IN (SELECT message_id FROM messages WHERE user_id = ?)",
            // The history keeps what happened and when; a provider's error text can quote the address.
            "UPDATE message_history SET details = details - 'error' "
                    + "WHERE message_id IN (SELECT message_id FROM messages WHERE user_id = ?)",
            "UPDATE delivery_attempts SET error = NULL WHERE message_id IN (SELECT message_id FROM messages WHERE user_id = ?)",
            // A message keeps its status, times, channel and provider; its recipient becomes the bare user id, and inline
            // content (which may name the person) is replaced.
            "UPDATE messages SET error = NULL, spec = jsonb_set(jsonb_set(spec - 'data', '{to}', jsonb_build_object('user_id', user_id)), "
                    + "'{content}', '{\"title\": \"(erased)\", \"body\": \"(erased)\"}'::jsonb, false) WHERE user_id = ?");

    private final Db db;

    JdbcPersonalDataEraser(Db db) {
        this.db = db;
    }

    @Override
    public void erase(UserId userId) {
        for (String statement : ERASE) {
            db.update(statement, bound -> bound.setString(1, userId.value()));
        }
    }
}
