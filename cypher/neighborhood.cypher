// The actors within __DEPTH__ hops of one actor along relationships passing the filter, and the
// relationships passing the filter among them, within a budget (one shortest walk per reached
// actor, so the work grows with the neighbourhood, not with the number of paths). No row when the
// actor is unknown. __DEPTH__ is 1, 2 or 3, written in by server/graphql/resolvers/relationships.ts
// (a quantifier cannot be a parameter, and a fixed {1,3} cut down afterwards would explore three
// hops for one).
// Budget: at most $limit actors besides the start, nearest first; among the actors of the distance
// where the budget runs out, those with the strongest tie to an actor one hop nearer (for the first
// hop, to the start): the most confident relationship between them, then name, id. Not the most
// connected: around a hub they are hubs too, whose relationships among themselves are the most
// costly to find and the least telling. Then at most $edgeLimit relationships among the kept
// actors, highest confidence first, then the latest, then id.
// params: $id, $f (see relationship-filter), $limit, $edgeLimit
// returns: nodes [actor row] (by name), edges [relationship row] (in time order),
//   omittedNodes (reached actors left out), omittedEdges (relationships passing the filter between
//   a kept actor and another actor of the neighbourhood that are not in edges)
MATCH (start:Actor {id: $id})
OPTIONAL MATCH p = ANY SHORTEST (start) (()-[r]-() WHERE __RELATIONSHIP_FILTER__){1,__DEPTH__} (n:Actor)
WHERE n <> start
// One row per distance: its actors, nearest distance first.
WITH start, length(p) AS hops, collect(n) AS layer
ORDER BY hops
WITH start, [l IN collect({hops: hops, actors: layer}) WHERE l.hops IS NOT NULL | l.actors] AS layers
// The distance where the budget runs out (null when everything fits), and the actors nearer than it.
WITH start, layers, [i IN range(0, size(layers) - 1)
  WHERE reduce(s = 0, l IN layers[0..i + 1] | s + size(l)) > $limit][0] AS cut
WITH start, layers, cut, reduce(s = [], l IN layers[0..coalesce(cut, size(layers))] | s + l) AS nearer
// Of the distance cut + 1, those with the strongest tie to the distance cut (or to the start):
// found from that nearer side, whose actors are all kept and so fewer than the budget. (An
// aggregate over no rows still gives one row: [] when everything fits.)
WITH start, layers, cut, nearer, CASE cut WHEN 0 THEN [start] ELSE layers[cut - 1] END AS parents
CALL (start, parents, nearer) {
  UNWIND parents AS a
  MATCH (a)-[r]-(b:Actor)
  WHERE __RELATIONSHIP_FILTER__ AND b <> start AND NOT b IN nearer
  WITH b, max(r.confidence) AS tie
  ORDER BY tie DESC, b.name, b.id
  LIMIT toInteger($limit)
  RETURN collect(b) AS ranked
}
WITH start, layers, cut, nearer, ranked[0..toInteger($limit) - size(nearer)] AS strongest
WITH start, layers, [start] + nearer + strongest AS actors,
  [0] + reduce(s = [], i IN range(0, coalesce(cut, size(layers)) - 1) | s + [a IN layers[i] | i + 1])
    + [a IN strongest | cut + 1] AS hops,
  reduce(s = 0, l IN layers | s + size(l)) AS reachedCount,
  // Membership of the whole neighbourhood is asked only of kept actors at the last distance.
  CASE WHEN cut IS NOT NULL AND cut + 1 < __DEPTH__ THEN [] ELSE reduce(s = [], l IN layers | s + l) END AS reached
CALL (actors) {
  UNWIND actors AS a
  WITH a ORDER BY a.name, a.id
  RETURN collect(__ACTOR_ROW(a)__) AS nodes
}
// The relationships passing the filter from a kept actor to any actor of the neighbourhood,
// expanded from the kept actors only (never a scan of every actor): an actor nearer than the depth
// has all its neighbours inside. Those between two kept actors are the candidates for edges, met
// from both ends and taken from their start; only theirs are the properties read for the order,
// and the budget keeps the first of them. (Collected in order and cut here: a list of every
// candidate carried into a later clause would be counted against the transaction's memory once
// per row.)
CALL (start, reached, actors, hops) {
  UNWIND range(0, size(actors) - 1) AS i
  WITH actors[i] AS a, hops[i] AS hop
  MATCH (a)-[r]-(b:Actor)
  WHERE __RELATIONSHIP_FILTER__
    AND (hop < __DEPTH__ OR b = start OR b IN reached)
  WITH r, b IN actors AS kept, b IN actors AND startNode(r) = a AS candidate
  ORDER BY candidate DESC, CASE WHEN candidate THEN r.confidence END DESC,
    CASE WHEN candidate THEN coalesce(r.validFrom, r.knownSince) END DESC, CASE WHEN candidate THEN r.id END
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
RETURN nodes, edges, reachedCount + 1 - size(actors) AS omittedNodes, inside - size(edges) AS omittedEdges
