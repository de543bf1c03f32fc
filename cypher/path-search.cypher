// Template (completed by server/paths/cypher.ts, which fills in only validated integers and
// vocabulary type names): the paths between two actors under the path options, in one round trip.
//   __TYPES__     the relationship types to use, e.g. `:LEADS|INVADED` (from the vocabulary)
//   __MAX_HOPS__  1..6
//   __K__         1..10
//   __EDGE__      the hop predicate of path-edge-filter.cypher
//   __ACTOR_ROW__ the actor row of node `n` (actor-row.cypher)
// Both searches are bounded by __MAX_HOPS__ and run as breadth-first SHORTEST searches, never
// as an enumeration of all paths. `shortest` is every shortest path (at most $maxShortest);
// `simple` the __K__ shortest paths that repeat no actor (SHORTEST k alone allows a repeated
// actor as long as no relationship repeats, so the path predicate rules those out).
// params: $from, $to, $maxShortest, $withNeighbors, and those of path-edge-filter.cypher
// returns: fromFound, toFound, fromName, toName, shortest [{nodes: [id], edges: [id]}], simple (same),
//   neighbors [actor row] (actors one qualifying hop from both ends; only with $withNeighbors),
//   actors [actor row], edges [relationship row + claimedByName] (every actor and relationship
//   of the returned paths, once each)
OPTIONAL MATCH (a:Actor {id: $from})
OPTIONAL MATCH (b:Actor {id: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = ALL SHORTEST (a)((x:Actor)-[r__TYPES__]-(y:Actor) WHERE __EDGE__){1,__MAX_HOPS__}(b)
  WITH p LIMIT toInteger($maxShortest)
  RETURN collect(p) AS shortest
}
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = SHORTEST __K__ (a)((x:Actor)-[r__TYPES__]-(y:Actor) WHERE __EDGE__){1,__MAX_HOPS__}(b)
  WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
  RETURN collect(p) AS simple
}
CALL (a, b) {
  WITH a, b WHERE $withNeighbors AND a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH (a)((x:Actor)-[r__TYPES__]-(y:Actor) WHERE __EDGE__){2}(b)
  WITH DISTINCT y[0] AS n
  ORDER BY n.name, n.id
  LIMIT toInteger($maxShortest)
  RETURN collect(__ACTOR_ROW__) AS neighbors
}
CALL (shortest, simple) {
  UNWIND shortest + simple AS p
  UNWIND nodes(p) AS n
  WITH DISTINCT n
  RETURN collect(__ACTOR_ROW__) AS actors
}
CALL (shortest, simple) {
  UNWIND shortest + simple AS p
  UNWIND relationships(p) AS rel
  WITH DISTINCT rel
  RETURN collect(rel {.*, type: type(rel), from: startNode(rel).id, to: endNode(rel).id,
    sourceRows: COLLECT { MATCH (src:Source) WHERE src.id IN rel.sources RETURN src {.*} ORDER BY src.published, src.id },
    claimedByName: COLLECT { MATCH (c:Actor {id: rel.claimedBy}) RETURN c.name }[0]}) AS edges
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, a.name AS fromName, b.name AS toName,
  [p IN shortest | {nodes: [n IN nodes(p) | n.id], edges: [rel IN relationships(p) | rel.id]}] AS shortest,
  [p IN simple | {nodes: [n IN nodes(p) | n.id], edges: [rel IN relationships(p) | rel.id]}] AS simple,
  neighbors, actors, edges
