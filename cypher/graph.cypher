// Relationships passing a filter (at most $limit, in time order), and how many pass it in all and
// how many actors those touch; the resolver derives the nodes from the embedded end actors.
// params: $f (see relationship-filter and relationship-ends), $limit
// returns: rows [relationship row], total (relationships passing), actorCount (actors they touch)
CALL () {
  MATCH (a:Actor)-[r]->(b:Actor)
  WHERE __RELATIONSHIP_FILTER__
    AND __RELATIONSHIP_ENDS__
  WITH r, a, b ORDER BY coalesce(r.validFrom, r.knownSince), r.id
  LIMIT toInteger($limit)
  RETURN collect(__RELATIONSHIP_ROW__) AS rows
}
CALL () {
  MATCH (a:Actor)-[r]->(b:Actor)
  WHERE __RELATIONSHIP_FILTER__
    AND __RELATIONSHIP_ENDS__
  UNWIND [a, b] AS end
  RETURN count(DISTINCT r) AS total, count(DISTINCT end) AS actorCount
}
RETURN rows, total, actorCount
