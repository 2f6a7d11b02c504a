-- Courier's translations: a gettext .po file per domain and locale, as written. The renderer reads domain 'default'.
CREATE TABLE translations (
    domain     TEXT        NOT NULL,
    locale     TEXT        NOT NULL,
    po         TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (domain, locale)
);
