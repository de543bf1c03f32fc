// The relationships of some actors (either direction) passing a filter, at most $limit each, in
// time order, for the per-request Actor.relationships loader.
// params: $ids [string], $f (see relationship-filter and relationship-ends), $limit
// returns: id (the actor), rows [relationship row]
UNWIND $ids AS id
MATCH (:Actor {id: id})-[r]-(:Actor)
WITH id, r, startNode(r) AS a, endNode(r) AS b
WHERE __RELATIONSHIP_FILTER__
  AND __RELATIONSHIP_ENDS__
WITH id, r, a, b ORDER BY coalesce(r.validFrom, r.knownSince), r.id
WITH id, collect({r: r, a: a, b: b})[0..$limit] AS page
CALL (page) {
  UNWIND page AS m
  WITH m.r AS r, m.a AS a, m.b AS b
  RETURN collect(__RELATIONSHIP_ROW__) AS rows
}
RETURN id, rows
