// Relationships passing a filter, one page of them, ordered by valid time (or, lacking one, the
// knowledge time) then id; totalCount counts every match.
// params: $f (see relationship-filter and relationship-ends), $afterKey (YYYY-MM-DD or null),
//   $afterId (string or null), $limit (page size + 1, to tell whether a next page exists)
// returns: totalCount, rows [relationship row]
// With from, to or involving set, start from that actor's own relationships (an index seek and
// its degree); only an unanchored filter reads every relationship.
CALL () {
  MATCH (:Actor {id: coalesce($f.from, $f.to, $f.involving)})-[r]-(:Actor)
  RETURN DISTINCT r
  UNION
  MATCH (:Actor)-[r]->(:Actor) WHERE $f.from IS NULL AND $f.to IS NULL AND $f.involving IS NULL
  RETURN r
}
WITH r, startNode(r) AS a, endNode(r) AS b
WHERE __RELATIONSHIP_FILTER__
  AND __RELATIONSHIP_ENDS__
WITH r, a, b, coalesce(r.validFrom, r.knownSince) AS key
ORDER BY key, r.id
WITH collect({r: r, a: a, b: b, key: key}) AS matches
WITH size(matches) AS totalCount,
  [m IN matches WHERE $afterKey IS NULL OR m.key > date($afterKey)
    OR (m.key = date($afterKey) AND m.r.id > $afterId)][0..$limit] AS page
CALL (page) {
  UNWIND page AS m
  WITH m.r AS r, m.a AS a, m.b AS b
  RETURN collect(__RELATIONSHIP_ROW__) AS rows
}
RETURN totalCount, rows
