-- The format of what a caller wrote through the API and Herald keeps as its JSON (ADR 0007). Every row so far is
-- format 1; a Herald that finds a newer format than it knows refuses the row instead of misreading it.
ALTER TABLE messages ADD COLUMN spec_format SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE templates ADD COLUMN definition_format SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE automations ADD COLUMN definition_format SMALLINT NOT NULL DEFAULT 1;
