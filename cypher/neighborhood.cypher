// The actors within $depth hops of one actor along relationships passing the filter (one
// shortest walk per reached actor, so the work grows with the neighbourhood, not with the number
// of paths), and the relationships passing the filter among them. No row when the actor is unknown.
// params: $id, $depth (1..3), $f (see relationship-filter)
// returns: nodes [actor row] (by name), edges [relationship row] (in time order)
MATCH (start:Actor {id: $id})
OPTIONAL MATCH ANY SHORTEST (start) (()-[r]-() WHERE __RELATIONSHIP_FILTER__){1,3} (n:Actor)
WHERE size(r) <= $depth
WITH start, collect(DISTINCT n) AS reached
WITH [start] + [n IN reached WHERE n <> start] AS actors
CALL (actors) {
  UNWIND actors AS a
  WITH a ORDER BY a.name, a.id
  RETURN collect(__ACTOR_ROW(a)__) AS nodes
}
CALL (actors) {
  MATCH (a:Actor)-[r]->(b:Actor)
  WHERE a IN actors AND b IN actors AND __RELATIONSHIP_FILTER__
  WITH r, a, b ORDER BY coalesce(r.validFrom, r.knownSince), r.id
  RETURN collect(__RELATIONSHIP_ROW__) AS edges
}
RETURN nodes, edges
