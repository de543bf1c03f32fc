// Marks one relationship retracted (kept, hidden from queries unless asked for), found through its
// type's id index. Retracting again keeps the first time and reason. Both ends' retractedDegree
// (see actor-degree) is counted again, after their locks are taken, so that concurrent retractions
// cannot lose a count.
// params: $ids [the one id], $reason
// returns: id (no row when there is no such relationship)
__RELATIONSHIPS_BY_ID__
SET r.retractedAt = coalesce(r.retractedAt, datetime()),
  r.retractReason = coalesce(r.retractReason, $reason)
WITH r, a, b
__RETRACTED_DEGREE(a)__
__RETRACTED_DEGREE(b)__
RETURN r.id AS id
