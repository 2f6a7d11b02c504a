-- Courier's notifications API over Herald's templates (ADR 0017). templates keeps what sends use: the published
-- version, now with its number, Elemental content (instead of channels) and tags. template_drafts holds every
-- template's working copy, template_versions each published version; both keep the definition in the stored format
-- of templates (ADR 0007).
ALTER TABLE templates ADD COLUMN content JSONB;
ALTER TABLE templates ADD COLUMN tags TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE templates ADD COLUMN version INT;

CREATE TABLE template_drafts (
    template_id       TEXT        PRIMARY KEY,
    definition        JSONB       NOT NULL,
    definition_format SMALLINT    NOT NULL,
    has_changes       BOOLEAN     NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    creator           TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    updater           TEXT        NOT NULL
);

CREATE TABLE template_versions (
    template_id       TEXT        NOT NULL,
    version           INT         NOT NULL,
    definition        JSONB       NOT NULL,
    definition_format SMALLINT    NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    creator           TEXT        NOT NULL,
    PRIMARY KEY (template_id, version)
);

-- The templates there are become version 1, published, with a draft equal to it.
UPDATE templates SET version = 1;
INSERT INTO template_versions (template_id, version, definition, definition_format, created_at, creator)
SELECT template_id, 1, jsonb_build_object('name', name, 'topic', topic, 'brand', brand_id, 'events', to_jsonb(events),
           'routing', routing, 'channels', channels), definition_format, updated_at, 'herald'
FROM templates;
INSERT INTO template_drafts (template_id, definition, definition_format, has_changes, created_at, creator, updated_at, updater)
SELECT template_id, jsonb_build_object('name', name, 'topic', topic, 'brand', brand_id, 'events', to_jsonb(events),
           'routing', routing, 'channels', channels), definition_format, false, created_at, 'herald', updated_at, 'herald'
FROM templates;
