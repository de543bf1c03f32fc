// Inside an accept's transaction: takes the write lock (REMOVE p.lock, as in proposals-lock) of
// each open proposal whose record now names what the accept renamed, checks that it is still open
// with the record the accept read, then sets the rewritten record and target. The caller rolls
// back when any is stale or missing.
// params: $ids [string], $planned [string] (the record as read), $records [string], $targets [string or null]
// returns: count (proposals found), stale [id] (no longer open, or with another record)
UNWIND range(0, size($ids) - 1) AS i
MATCH (p:Proposal {id: $ids[i]})
REMOVE p.lock
WITH p, i, p.state = 'OPEN' AND p.record = $planned[i] AS fresh
SET p.record = $records[i], p.target = $targets[i]
RETURN count(*) AS count, collect(CASE WHEN fresh THEN null ELSE p.id END) AS stale
