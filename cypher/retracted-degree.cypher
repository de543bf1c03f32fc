// Fragment (not a query), spliced as __RETRACTED_DEGREE(a)__ in a write: sets a.retractedDegree,
// the number of a's retracted relationships (see actor-degree). The first SET takes a's write
// lock, so the count that follows sees every retraction committed before it.
SET __VAR__.retractedDegree = coalesce(__VAR__.retractedDegree, 0)
SET __VAR__.retractedDegree = COUNT { (__VAR__)-[retracted]-() WHERE retracted.retractedAt IS NOT NULL }
