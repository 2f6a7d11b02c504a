-- Courier's submission checks: your own systems' verdicts on a notification's submission for publishing. While a
-- submission has a check PENDING or FAILED, the notification is not published; deleting the checks withdraws them.
CREATE TABLE notification_checks (
    template_id   TEXT        NOT NULL,
    submission_id TEXT        NOT NULL,
    check_id      TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    type          TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (template_id, submission_id, check_id)
);
