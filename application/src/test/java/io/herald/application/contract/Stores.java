package io.herald.application.contract;

import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.FeedbackOutbox;
import io.herald.application.port.out.IdentityMerger;
import io.herald.application.port.out.InboundEventLog;
import io.herald.application.port.out.InboxRepository;
import io.herald.application.port.out.ListRepository;
import io.herald.application.port.out.MessageRepository;
import io.herald.application.port.out.PersonalDataEraser;
import io.herald.application.port.out.PreferenceRepository;
import io.herald.application.port.out.ProfileRepository;
import io.herald.application.port.out.PushTokenRepository;
import io.herald.application.port.out.RetentionStore;
import io.herald.application.port.out.TenantRepository;
import io.herald.application.port.out.WebhookReceipts;

/**
 * The storage ports over one set of data, for the contracts of ports that span several tables (or whose rows need
 * another port's first, as a membership needs its profile).
 */
public record Stores(ProfileRepository profiles, PushTokenRepository pushTokens, PreferenceRepository preferences, ListRepository lists,
                     TenantRepository tenants, InboxRepository inbox, MessageRepository messages, InboundEventLog inboundEvents,
                     AutomationRunRepository automationRuns, WebhookReceipts webhookReceipts, FeedbackOutbox feedback,
                     IdentityMerger identityMerger, PersonalDataEraser eraser, RetentionStore retention) {
}
