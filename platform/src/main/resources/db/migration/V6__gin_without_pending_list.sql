-- Correlation looks a MAC up for every new source record right after inserting a page of them.
-- With GIN's fast-update pending list, every lookup scans the whole unmerged list, so a first
-- sync slows down with each page; writing straight into the index keeps lookups logarithmic.
ALTER INDEX source_asset_key_macs SET (fastupdate = off);
ALTER INDEX source_asset_key_virtual_macs SET (fastupdate = off);
