-- Issue 17: whether a connector's vendor calls go through the operator's outbound proxy (when one
-- is set). Existing connectors keep going the way every outbound call goes: through it.
ALTER TABLE connector ADD COLUMN use_proxy BOOLEAN NOT NULL DEFAULT TRUE;
