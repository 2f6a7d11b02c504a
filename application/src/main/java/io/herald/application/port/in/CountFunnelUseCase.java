package io.herald.application.port.in;

/** The recurring job that keeps the funnel's past days counted (ADR 0016), so the analytics page never reads weeks of messages. */
public interface CountFunnelUseCase {

    /** @return how many days were counted (again) */
    int countDueDays();
}
