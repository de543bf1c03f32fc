// Every relationship passing a filter (at most $limit, in time order); the client derives the
// nodes from the embedded end actors.
// params: $f (see relationship-filter and relationship-ends), $limit
// returns: row [relationship row]
MATCH (a:Actor)-[r]->(b:Actor)
WHERE __RELATIONSHIP_FILTER__
  AND __RELATIONSHIP_ENDS__
WITH r, a, b ORDER BY coalesce(r.validFrom, r.knownSince), r.id
LIMIT toInteger($limit)
RETURN __RELATIONSHIP_ROW__ AS row
