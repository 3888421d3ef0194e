-- Virtual-NIC MACs (VMware, Hyper-V, cloud locally-administered) never identify a machine alone,
-- but a shared one corroborates a shared host name.
ALTER TABLE source_asset ADD COLUMN key_virtual_macs text[] NOT NULL DEFAULT '{}';
CREATE INDEX source_asset_key_virtual_macs ON source_asset USING gin (key_virtual_macs);
