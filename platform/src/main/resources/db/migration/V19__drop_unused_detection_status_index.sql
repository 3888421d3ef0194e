-- Every query filters a detection's status as lower(finding_status) (the vendors' case varies), so
-- this index on the raw column served none of them, and each detection written paid for it.
DROP INDEX IF EXISTS detection_status;
