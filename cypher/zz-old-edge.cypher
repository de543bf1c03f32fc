// Fragment (not a query): the path options on one hop `(x)-[r]-(y)` of a quantified path pattern,
// spliced into path-search and path-neighbors inside the pattern, so the planner checks it while it expands
// the search (a predicate on the whole path would leave it to a filter after an exhaustive search).
// Retracted relationships are never used. In a directed search a hop must leave x by the
// relationship's own direction, except for the symmetric types, which count both ways.
// params: $statuses [string] | null, $minConfidence float | null, $asOf 'YYYY-MM-DD' | null,
//   $knownOn 'YYYY-MM-DD' | null, $directed boolean, $symmetricTypes [string]
(
  r.retractedAt IS NULL
  AND ($statuses IS NULL OR r.status IN $statuses)
  AND ($minConfidence IS NULL OR r.confidence >= $minConfidence)
  AND ($asOf IS NULL OR (coalesce(r.validFrom, r.knownSince) <= date($asOf)
    AND (r.validTo IS NULL OR r.validTo >= date($asOf))))
  AND ($knownOn IS NULL OR r.knownSince <= date($knownOn))
  AND (NOT $directed OR startNode(r) = x OR type(r) IN $symmetricTypes)
)
