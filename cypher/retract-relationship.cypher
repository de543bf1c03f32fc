// Marks one relationship retracted (kept, hidden from queries unless asked for). Retracting again
// keeps the first time and reason.
// params: $id, $reason
// returns: id (no row when there is no such relationship)
MATCH ()-[r]->()
WHERE r.id = $id
SET r.retractedAt = coalesce(r.retractedAt, datetime()),
  r.retractReason = coalesce(r.retractReason, $reason)
RETURN r.id AS id
