package io.herald.application.fakes;

import io.herald.application.contract.Stores;

/** The in-memory fakes over one set of data: the ports that span several tables see what the others keep. */
public record InMemoryStores(InMemoryProfileRepository profiles, InMemoryPushTokenRepository pushTokens,
                             InMemoryPreferenceRepository preferences, InMemoryListRepository lists, InMemoryTenantRepository tenants,
                             InMemoryInboxRepository inbox, InMemoryMessageRepository messages, InMemoryInboundEventLog inboundEvents,
                             InMemoryAutomationRunRepository automationRuns, InMemoryWebhookReceipts webhookReceipts,
                             InMemoryFeedbackOutbox feedback, InMemoryIdentityMerger identityMerger, InMemoryPersonalDataEraser eraser,
                             InMemoryRetentionStore retention) {

    public static InMemoryStores empty() {
        var profiles = new InMemoryProfileRepository();
        var pushTokens = new InMemoryPushTokenRepository();
        var preferences = new InMemoryPreferenceRepository();
        var lists = new InMemoryListRepository();
        var tenants = new InMemoryTenantRepository();
        var inbox = new InMemoryInboxRepository();
        var messages = new InMemoryMessageRepository();
        var inboundEvents = new InMemoryInboundEventLog();
        var automationRuns = new InMemoryAutomationRunRepository();
        var webhookReceipts = new InMemoryWebhookReceipts();
        var feedback = new InMemoryFeedbackOutbox();
        return new InMemoryStores(profiles, pushTokens, preferences, lists, tenants, inbox, messages, inboundEvents, automationRuns,
                webhookReceipts, feedback, new InMemoryIdentityMerger(profiles, pushTokens, lists, tenants, preferences, inbox),
                new InMemoryPersonalDataEraser(pushTokens, lists, tenants, preferences, inbox, messages),
                new InMemoryRetentionStore(messages, inbox, inboundEvents, automationRuns, webhookReceipts, feedback));
    }

    public Stores ports() {
        return new Stores(profiles, pushTokens, preferences, lists, tenants, inbox, messages, inboundEvents, automationRuns, webhookReceipts,
                feedback, identityMerger, eraser, retention);
    }
}
