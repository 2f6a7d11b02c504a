package io.herald.bootstrap.automation;

/**
 * The templates and automations of the trial and order scenarios, as a user would PUT them (docs/automations.md
 * shows the same JSON).
 */
final class Journeys {

    private Journeys() {
    }

    static final String WELCOME_TEMPLATE = """
            {"channels": {"email": {"subject": "Welcome, {{profile.name}}", "text": "Your {{plan}} trial has started."}}}""";

    static final String TRIAL_NUDGE_TEMPLATE = """
            {"channels": {
               "sms": {"body": "Need a hand with your {{plan}} trial? Reply HELP."},
               "inbox": {"title": "Getting started", "body": "Three things to try in your {{plan}} trial"}}}""";

    static final String ORDER_FOLLOW_UP_TEMPLATE = """
            {"channels": {
               "email": {"subject": "How was your order?", "text": "Order {{order_id}}: {{total}}"},
               "sms": {"body": "Thanks for order {{order_id}}! How did it go?"}},
             "routing": {"method": "all", "channels": ["email", "sms"]}}""";

    static final String WELCOME_JOURNEY = """
            {
              "name": "Trial welcome journey",
              "trigger": {"event": "Trial Started"},
              "cancelation_token": "{{user_id}}-onboarding",
              "steps": [
                {"action": "send", "template": "welcome", "ref": "welcome"},
                {"action": "delay", "duration": "2 hours"},
                {"action": "send", "template": "trial-nudge",
                 "routing": {"method": "single", "channels": ["sms"]},
                 "if": "refs.welcome.status != \\"OPENED\\" && !(has(profile.last_active_at) && timestamp(profile.last_active_at) > now - duration(\\"15m\\"))"},
                {"action": "send", "template": "trial-nudge",
                 "routing": {"method": "single", "channels": ["inbox"]},
                 "if": "refs.welcome.status != \\"OPENED\\" && has(profile.last_active_at) && timestamp(profile.last_active_at) > now - duration(\\"15m\\")"}
              ]
            }""";

    static final String ORDER_FOLLOW_UP = """
            {
              "name": "Order follow-up",
              "trigger": {"event": "Order Completed", "if": "data.total >= 100"},
              "steps": [
                {"action": "delay", "duration": "PT2H"},
                {"action": "send", "template": "order-follow-up"}
              ]
            }""";

    static final String TRIAL_CONVERTED = """
            {
              "name": "Stop onboarding when the trial converts",
              "trigger": {"event": "Trial Converted"},
              "steps": [
                {"action": "cancel", "cancelation_token": "{{user_id}}-onboarding"}
              ]
            }""";
}
