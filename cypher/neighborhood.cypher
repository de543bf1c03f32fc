// The actors within __DEPTH__ hops of one actor along relationships passing the filter, and the
// relationships passing the filter among them, within a budget (one shortest walk per reached
// actor, so the work grows with the neighbourhood, not with the number of paths). No row when the
// actor is unknown. __DEPTH__ is 1, 2 or 3, written in by server/graphql/resolvers/relationships.ts
// (a quantifier cannot be a parameter, and a fixed {1,3} cut down afterwards would explore three
// hops for one).
// Budget: at most $limit actors besides the start, nearest first, then by degree (most connected
// first), name, id; at most $edgeLimit relationships among the kept actors, highest confidence
// first, then the latest, then id.
// params: $id, $f (see relationship-filter), $limit, $edgeLimit
// returns: nodes [actor row] (by name), edges [relationship row] (in time order),
//   omittedNodes (reached actors left out), omittedEdges (relationships passing the filter between
//   a kept actor and another actor of the neighbourhood that are not in edges)
MATCH (start:Actor {id: $id})
OPTIONAL MATCH p = ANY SHORTEST (start) (()-[r]-() WHERE __RELATIONSHIP_FILTER__){1,__DEPTH__} (n:Actor)
WITH start, n, length(p) AS hops
WHERE n IS NULL OR n <> start
WITH start, n, hops, CASE WHEN n IS NULL THEN 0 ELSE __ACTOR_DEGREE(n)__ END AS degree
ORDER BY hops, degree DESC, n.name, n.id
WITH start, collect(n) AS reached, collect(hops) AS distances
WITH start, reached, [start] + reached[0..toInteger($limit)] AS actors, [0] + distances[0..toInteger($limit)] AS hops
CALL (actors) {
  UNWIND actors AS a
  WITH a ORDER BY a.name, a.id
  RETURN collect(__ACTOR_ROW(a)__) AS nodes
}
// The relationships passing the filter from a kept actor to any actor of the neighbourhood,
// expanded from the kept actors only (never a scan of every actor): an actor nearer than the depth
// has all its neighbours inside. Those between two kept actors are the candidates for edges, met
// from both ends and taken from their start; the budget keeps the first of them. (Collected in
// order and cut here: a list of every candidate carried into a later clause would be counted
// against the transaction's memory once per row.)
CALL (start, reached, actors, hops) {
  UNWIND range(0, size(actors) - 1) AS i
  WITH actors[i] AS a, hops[i] AS hop
  MATCH (a)-[r]-(b:Actor)
  WHERE __RELATIONSHIP_FILTER__
    AND (hop < __DEPTH__ OR b = start OR b IN reached)
  WITH r, b IN actors AND startNode(r) = a AS candidate, b IN actors AS kept
  ORDER BY candidate DESC, r.confidence DESC, coalesce(r.validFrom, r.knownSince) DESC, r.id
  WITH count(*) AS met, count(CASE WHEN kept THEN 1 END) AS twice,
    collect(CASE WHEN candidate THEN r END)[0..toInteger($edgeLimit)] AS chosen
  RETURN met - twice / 2 AS inside, chosen
}
CALL (chosen) {
  UNWIND chosen AS r
  WITH r, startNode(r) AS a, endNode(r) AS b
  ORDER BY coalesce(r.validFrom, r.knownSince), r.id
  RETURN collect(__RELATIONSHIP_ROW__) AS edges
}
RETURN nodes, edges, size(reached) + 1 - size(actors) AS omittedNodes, inside - size(edges) AS omittedEdges
