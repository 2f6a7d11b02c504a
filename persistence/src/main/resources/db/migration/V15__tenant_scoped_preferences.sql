-- A user's preference is theirs (tenant_id '') or theirs within one tenant (Courier's ?tenant_id=); a send in a tenant's
-- context reads the tenant-scoped one first. '' rather than NULL keeps the scope part of the primary key.
ALTER TABLE preferences ADD COLUMN tenant_id TEXT NOT NULL DEFAULT '';
ALTER TABLE preferences DROP CONSTRAINT preferences_pkey;
ALTER TABLE preferences ADD PRIMARY KEY (user_id, tenant_id, topic_id);
