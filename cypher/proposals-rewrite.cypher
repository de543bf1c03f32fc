// Inside an accept's transaction: takes the write lock (REMOVE p.lock, as in proposals-lock) of
// each open proposal whose record now names what the accept renamed, checks that it is still open
// with the record the accept read, then sets the rewritten record and target, and the copies of the
// record's ids the proposal is stored with (proposals-to-accept). The caller rolls back when any
// is stale or missing.
// params: $ids [string], $planned [string] (the record as read), $records [string], $targets [string or null],
//   $copies [[recordId, recordType, recordFrom, recordTo, recordClaimedBy, recordAbout]] (nulls remove)
// returns: count (proposals found), stale [id] (no longer open, or with another record)
UNWIND range(0, size($ids) - 1) AS i
MATCH (p:Proposal {id: $ids[i]})
REMOVE p.lock
WITH p, i, p.state = 'OPEN' AND p.record = $planned[i] AS fresh
SET p.record = $records[i], p.target = $targets[i], p.recordId = $copies[i][0], p.recordType = $copies[i][1],
  p.recordFrom = $copies[i][2], p.recordTo = $copies[i][3], p.recordClaimedBy = $copies[i][4],
  p.recordAbout = $copies[i][5]
RETURN count(*) AS count, collect(CASE WHEN fresh THEN null ELSE p.id END) AS stale
