// The actors within __DEPTH__ hops of one actor along relationships passing the filter (one
// shortest walk per reached actor, so the work grows with the neighbourhood, not with the number
// of paths), and the relationships passing the filter among them. No row when the actor is unknown.
// __DEPTH__ is 1, 2 or 3, written in by server/graphql/resolvers/relationships.ts (a quantifier
// cannot be a parameter, and a fixed {1,3} cut down afterwards would explore three hops for one).
// params: $id, $f (see relationship-filter)
// returns: nodes [actor row] (by name), edges [relationship row] (in time order)
MATCH (start:Actor {id: $id})
OPTIONAL MATCH ANY SHORTEST (start) (()-[r]-() WHERE __RELATIONSHIP_FILTER__){1,__DEPTH__} (n:Actor)
WITH start, collect(DISTINCT n) AS reached
WITH [start] + [n IN reached WHERE n <> start] AS actors
CALL (actors) {
  UNWIND actors AS a
  WITH a ORDER BY a.name, a.id
  RETURN collect(__ACTOR_ROW(a)__) AS nodes
}
// The edges among them, expanded from the reached actors only (never a scan of every actor).
CALL (actors) {
  UNWIND actors AS a
  MATCH (a)-[r]->(b:Actor)
  WHERE b IN actors AND __RELATIONSHIP_FILTER__
  WITH r, a, b ORDER BY coalesce(r.validFrom, r.knownSince), r.id
  RETURN collect(__RELATIONSHIP_ROW__) AS edges
}
RETURN nodes, edges
