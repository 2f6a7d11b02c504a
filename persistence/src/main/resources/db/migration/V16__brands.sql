-- Courier's brands: the look emails are laid out in. settings keeps Courier's shape as written; snippets are named
-- texts in the order given. A template, a tenant (tenants.brand_id, V14) or a send names a brand by id; a brand deleted
-- since is left out of the rendering with a warning, so no foreign key.
CREATE TABLE brands (
    brand_id   TEXT PRIMARY KEY,
    name       TEXT        NOT NULL,
    settings   JSONB       NOT NULL DEFAULT '{}',
    snippets   JSONB       NOT NULL DEFAULT '[]',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

ALTER TABLE templates ADD COLUMN brand_id TEXT;
