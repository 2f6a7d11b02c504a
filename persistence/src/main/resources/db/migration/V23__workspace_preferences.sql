-- The workspace's preference sections and subscription topics (Courier's workspace preferences). A topic's id is the
-- workspace's: sends, templates and user preferences (user_preferences.topic_id) name it, so user preferences are not
-- tied to it by a foreign key and stay when a topic is deleted. position keeps the order things were created in.
CREATE TABLE preference_sections (
    section_id         TEXT PRIMARY KEY,
    position           BIGINT      GENERATED ALWAYS AS IDENTITY,
    name               TEXT        NOT NULL,
    description        TEXT,
    has_custom_routing BOOLEAN     NOT NULL,
    routing_options    JSONB       NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    creator            TEXT        NOT NULL,
    updater            TEXT        NOT NULL
);

CREATE TABLE preference_topics (
    topic_id                   TEXT PRIMARY KEY,
    position                   BIGINT      GENERATED ALWAYS AS IDENTITY,
    section_id                 TEXT        NOT NULL REFERENCES preference_sections (section_id),
    name                       TEXT        NOT NULL,
    description                TEXT,
    default_status             TEXT        NOT NULL,
    allowed_preferences        JSONB       NOT NULL,
    include_unsubscribe_header BOOLEAN     NOT NULL,
    routing_options            JSONB       NOT NULL,
    topic_data                 JSONB       NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL,
    creator                    TEXT        NOT NULL,
    updater                    TEXT        NOT NULL
);
CREATE INDEX preference_topics_by_section ON preference_topics (section_id, position);
