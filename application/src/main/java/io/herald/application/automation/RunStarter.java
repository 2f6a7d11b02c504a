package io.herald.application.automation;

import io.herald.application.port.out.AutomationRunRepository;
import io.herald.application.port.out.DurableScheduler;
import io.herald.application.template.TemplateRenderer;
import io.herald.domain.automation.AutomationRun;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.automation.Step;
import io.herald.domain.profile.UserId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts runs, for an event, an API call or an invoke step alike: renders the cancelation token, stores the run
 * and schedules its first advance, all in the caller's transaction.
 */
public final class RunStarter {

    private final AutomationRunRepository runs;
    private final DurableScheduler scheduler;
    private final TemplateRenderer renderer;

    public RunStarter(AutomationRunRepository runs, DurableScheduler scheduler, TemplateRenderer renderer) {
        this.runs = runs;
        this.scheduler = scheduler;
        this.renderer = renderer;
    }

    /**
     * @param cancelationToken the definition's token template; a token that renders blank is no token
     * @param profile          the recipient's profile view, for the token's {@code {{profile.*}}}
     * @param chain            the chain the run joins (see {@link AutomationRun#chain()}); empty to start one
     */
    public AutomationRun start(Optional<String> automationId, List<Step> steps, Optional<String> cancelationToken, UserId recipient,
                               Map<String, Object> data, Map<String, Object> event, Map<String, Object> profile, int depth,
                               Optional<String> chain, Instant now) {
        Optional<String> token = cancelationToken
                .map(template -> renderer.renderText(template, textContext(data, recipient, profile), "cancelation_token"))
                .filter(rendered -> !rendered.isBlank());
        AutomationRun run = AutomationRun.start(AutomationRunId.generate(now), automationId, steps, recipient, token, data, event,
                depth, chain, now);
        runs.insert(run);
        scheduler.advanceAutomationRun(run.id(), 0, now);
        return run;
    }

    /**
     * What Handlebars texts of an automation (cancelation tokens, fetch-data URLs and bodies) see: the run's data at
     * the top level, {@code user_id} (the run's recipient) and {@code profile}.
     */
    static Map<String, Object> textContext(Map<String, Object> data, UserId recipient, Map<String, Object> profile) {
        Map<String, Object> context = new LinkedHashMap<>(data);
        context.put("user_id", recipient.value());
        context.put("profile", profile);
        return context;
    }
}
