// Inside an accept's transaction: takes the write lock of each proposal it accepts (REMOVE p.lock,
// as in proposals-lock), checks that it is still open with the record the accept was planned from
// (as committed), then records the decision; a null removes a property. The caller
// rolls the transaction back when any is stale or missing. Parameters and result are lists of
// scalars (a map per proposal costs several times as much to send), and only a count and the stale
// ids come back.
// params: $ids [string], $planned [string] (the record each was planned from), $acceptedAs [string],
//   $acceptedActor [string], $edits [string (JSON) or null], $by, $at (ISO date-time)
// returns: count (proposals found), stale [id] (no longer open, or with another record)
UNWIND range(0, size($ids) - 1) AS i
MATCH (p:Proposal {id: $ids[i]})
REMOVE p.lock
WITH p, i, p.state = 'OPEN' AND p.record = $planned[i] AS fresh
SET p.state = 'ACCEPTED', p.decidedBy = $by, p.decidedAt = $at, p.acceptedAs = $acceptedAs[i],
  p.acceptedActor = $acceptedActor[i], p.edits = $edits[i]
RETURN count(*) AS count, collect(CASE WHEN fresh THEN null ELSE p.id END) AS stale
