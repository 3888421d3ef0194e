-- What `sightline intel update` remembers of each public intelligence feed between fetches: the
-- validators of the last answer (sent back as If-None-Match / If-Modified-Since, so an unchanged
-- file costs a 304 and adds no load) and, for NVD, where the last window of changes ended.
CREATE TABLE intel_feed (
    source          text PRIMARY KEY CHECK (source IN ('KEV', 'EPSS', 'NVD')),
    -- the URL the validators came from: fetching another URL (a mirror) starts without them
    url             text,
    etag            text,
    -- the Last-Modified header exactly as the server sent it, echoed in If-Modified-Since
    last_modified   text,
    -- NVD: lastModEndDate of the last successful fetch; the next window starts there
    nvd_window_end  timestamptz,
    -- the load of the last fetch that brought content (no foreign key: loads may be purged)
    last_load_id    bigint,
    checked_at      timestamptz,
    succeeded_at    timestamptz,
    -- why the last attempt failed (what the command printed); NULL after a success
    last_error      text
);
