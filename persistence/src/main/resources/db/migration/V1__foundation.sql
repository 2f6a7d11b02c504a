-- The API key Herald generates at first start when none is configured. Only its SHA-256 is kept;
-- the single-row constraint makes concurrent first starts of several instances agree on one key.
CREATE TABLE generated_api_key (
    id         SMALLINT    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    key_hash   CHAR(64)    NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
