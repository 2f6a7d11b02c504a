-- Courier's tenant API: a brand, a parent, the topic defaults its users inherit ({"items": [...]} as the API has it) and
-- a profile merged into its users' on a send in its context; a membership has a profile of its own.
ALTER TABLE tenants
    ADD COLUMN brand_id            TEXT,
    ADD COLUMN parent_tenant_id    TEXT,
    ADD COLUMN default_preferences JSONB NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN user_profile        JSONB NOT NULL DEFAULT '{}'::jsonb;
-- GET /tenants?parent_tenant_id= pages through one parent's children in id order.
CREATE INDEX tenants_by_parent ON tenants (parent_tenant_id, tenant_id) WHERE parent_tenant_id IS NOT NULL;

ALTER TABLE tenant_members ADD COLUMN profile JSONB NOT NULL DEFAULT '{}'::jsonb;

-- A deleted list keeps its row and subscriptions, hidden, so that PUT /lists/{id}/restore can bring them back; putting
-- or subscribing to that id again drops them for good.
ALTER TABLE lists ADD COLUMN deleted_at TIMESTAMPTZ;
