package io.herald.application.automation;

import io.herald.application.automation.AutomationEngine.FetchCall;
import io.herald.application.automation.AutomationEngine.Progress;
import io.herald.application.port.in.AdvanceAutomationRunUseCase;
import io.herald.application.port.out.WebhookCaller;
import io.herald.domain.automation.AutomationRunId;

/**
 * Drives a run: a transactional advance, then the fetch-data call it asked for (outside any transaction, so no
 * database connection or run lock waits on the network), then a transaction that records the answer and goes
 * on, and so on until the run waits or ends.
 */
public final class AutomationRunner implements AdvanceAutomationRunUseCase {

    private final AutomationEngine engine;
    private final WebhookCaller webhooks;

    public AutomationRunner(AutomationEngine engine, WebhookCaller webhooks) {
        this.engine = engine;
        this.webhooks = webhooks;
    }

    @Override
    public void advance(AutomationRunId runId, int scheduledAtStep) {
        Progress progress = engine.advance(runId, scheduledAtStep);
        while (progress.fetch().isPresent()) {
            FetchCall call = progress.fetch().get();
            progress = engine.fetched(call, call(call.request()));
        }
    }

    private WebhookCaller.Result call(WebhookCaller.Request request) {
        try {
            return webhooks.call(request);
        } catch (RuntimeException e) {
            return new WebhookCaller.Failed(e.toString());
        }
    }
}
