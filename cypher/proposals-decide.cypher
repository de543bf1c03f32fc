// Inside an accept's transaction: takes the write lock of each proposal, checks that it is still
// open with the record the accept was planned from (as committed), then sets the decision (or
// rewritten record) on it; a null removes a property. The caller rolls the transaction back when
// any is stale or missing. Only a count and the stale ids come back, not a record per proposal.
// params: $rows [{id, set: map, record: the stored record planned from}]
// returns: count (proposals found), stale [id] (no longer open, or with another record)
UNWIND $rows AS row
MATCH (p:Proposal {id: row.id})
SET p.lock = coalesce(p.lock, 0) + 1
WITH p, row, p.state = 'OPEN' AND p.record = row.record AS fresh
SET p += row.set
RETURN count(*) AS count, collect(CASE WHEN fresh THEN null ELSE p.id END) AS stale
