-- The console's funnel counted ahead of time (ADR 0016): per day of enqueue (UTC) and per template, channel and
-- provider, how many messages reached each milestone, so a funnel over weeks sums a few hundred rows instead of
-- reading every message. A day is counted once it is over, then again while its engagement settles; today is always
-- counted live from messages. '' stands for "none" (no template, not routed), since a key column cannot be null.
CREATE TABLE funnel_days (
    day           DATE   NOT NULL,
    template_id   TEXT   NOT NULL,
    channel       TEXT   NOT NULL,
    provider      TEXT   NOT NULL,
    enqueued      BIGINT NOT NULL,
    sent          BIGINT NOT NULL,
    delivered     BIGINT NOT NULL,
    opened        BIGINT NOT NULL,
    clicked       BIGINT NOT NULL,
    undeliverable BIGINT NOT NULL,
    PRIMARY KEY (day, template_id, channel, provider)
);

-- Which days funnel_days holds, and when each was last counted (a day with no messages has a row here and none there).
CREATE TABLE funnel_rollups (
    day       DATE        PRIMARY KEY,
    rolled_at TIMESTAMPTZ NOT NULL
);
