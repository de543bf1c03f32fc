// The (non-retracted) relationships citing some sources, at most $limit each, in time order, for
// the per-request Source.relationships loader. One scan for all the sources asked for.
// params: $ids [string], $limit
// returns: id (the source), rows [relationship row]
MATCH (a:Actor)-[r]->(b:Actor)
WHERE r.retractedAt IS NULL AND any(s IN r.sources WHERE s IN $ids)
UNWIND [s IN r.sources WHERE s IN $ids] AS id
WITH id, r, a, b ORDER BY coalesce(r.validFrom, r.knownSince), r.id
WITH id, collect({r: r, a: a, b: b})[0..$limit] AS page
CALL (page) {
  UNWIND page AS m
  WITH m.r AS r, m.a AS a, m.b AS b
  RETURN collect(__RELATIONSHIP_ROW__) AS rows
}
RETURN id, rows
