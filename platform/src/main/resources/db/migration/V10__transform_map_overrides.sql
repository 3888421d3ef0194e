-- A connector's own transform maps, when a user replaced its defaults: a JSON array of map files
-- (each named like the default it replaces). NULL means the connector's default maps.
ALTER TABLE connector ADD COLUMN transform_maps jsonb;
