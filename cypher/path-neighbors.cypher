// Template (completed by server/paths/cypher.ts like path-search.cypher): the actors joined to
// both ends by one relationship each under the path options (the middles of two-hop paths),
// by name. A fixed two-hop pattern: its work grows with the two actors' degrees only.
//   __TYPES__, __EDGE__, __ACTOR_ROW__ as in path-search.cypher
// params: $from, $to, $maxPaths, and those of path-edge-filter.cypher
// returns: neighbors [actor row]
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
WHERE a <> b
MATCH (a)((x:Actor)-[r__TYPES__]-(y:Actor) WHERE __EDGE__){2}(b)
WITH DISTINCT y[0] AS n
ORDER BY n.name, n.id
LIMIT toInteger($maxPaths)
RETURN collect(__ACTOR_ROW__) AS neighbors
