// Paths between two actors under the path options, with every actor, relationship and source they
// touch, in one round trip. server/paths/cypher.ts fills in what Cypher takes no parameter for:
//   __SELECTOR__  `ALL SHORTEST` (every shortest path) or `SHORTEST n` (the n shortest, 1..1000)
//   __TYPES__     the relationship types to use, e.g. `LEADS|INVADED` (from the vocabulary)
//   __MAX_HOPS__  1..6
// and the hop predicate is the fragment path-edge-filter.cypher.
// The search is a breadth-first SHORTEST search bounded by __MAX_HOPS__ whose hop predicate the
// planner checks while it expands, never an enumeration of all paths. SHORTEST n counts trails
// (no relationship twice, an actor may repeat): the engine keeps the simple ones.
// params: $from, $to, $maxPaths, and those of path-edge-filter.cypher
// returns: fromFound, toFound, fromName, toName, paths [{nodes: [id], edges: [id]}],
//   actors [actor row], edges [relationship-fields + claimedByName + claim] (each once). The edges
//   do not embed their end actors as relationship-row does: `actors` holds each of them once, where
//   a row per edge would count a hub's degree again for every edge that touches it. `claim` is, for
//   an accusation or denial, the relationship it is about ({type, from, to, status} with actor
//   names) when it touches one of the claim's own two actors (null when it lies elsewhere), found
//   through the id indexes: expanding the two actors' relationships cost a hub's whole degree
OPTIONAL MATCH (a:Actor {id: $from})
OPTIONAL MATCH (b:Actor {id: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = __SELECTOR__ (a)((x:Actor)-[r:__TYPES__]-(y:Actor) WHERE __PATH_EDGE_FILTER__){1,__MAX_HOPS__}(b)
  WITH p LIMIT toInteger($maxPaths)
  RETURN collect(p) AS found
}
CALL (found) {
  UNWIND found AS p
  UNWIND nodes(p) AS n
  WITH DISTINCT n
  RETURN collect(__ACTOR_ROW(n)__) AS actors
}
CALL (found) {
  UNWIND found AS p
  UNWIND relationships(p) AS r
  WITH DISTINCT r
  WITH r, startNode(r) AS a, endNode(r) AS b
  RETURN collect(r {__RELATIONSHIP_FIELDS__,
    claimedByName: COLLECT { MATCH (c:Actor {id: r.claimedBy}) RETURN c.name }[0]}) AS rows,
    collect(DISTINCT r.about) AS aboutIds
}
// What the accusations and denials are about, each looked up once through the id indexes.
CALL (aboutIds) {
  __RELATIONSHIPS_BY_ID(aboutIds)__
  RETURN collect({id: r.id, ends: [a.id, b.id], type: type(r), from: a.name, to: b.name, status: r.status}) AS claims
}
WITH a, b, found, actors, [e IN rows | e {.*, claim: CASE WHEN e.about IS NULL THEN null ELSE
  [c IN claims WHERE c.id = e.about AND (e.from IN c.ends OR e.to IN c.ends)
    | {type: c.type, from: c.from, to: c.to, status: c.status}][0] END}] AS edges
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, a.name AS fromName, b.name AS toName,
  [p IN found | {nodes: [n IN nodes(p) | n.id], edges: [r IN relationships(p) | r.id]}] AS paths,
  actors, edges
