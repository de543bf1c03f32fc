// The actors joined to both ends by one relationship each under the path options (the middles of
// two-hop paths), by name. A fixed two-hop pattern: its work grows with the two actors' degrees
// only. __TYPES__ and the hop predicate as in path-search.cypher.
// params: $from, $to, $maxPaths, and those of path-edge-filter.cypher
// returns: neighbors [actor row]
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
WHERE a <> b
MATCH (a)((x:Actor)-[r:__TYPES__]-(y:Actor) WHERE __PATH_EDGE_FILTER__){2}(b)
WITH DISTINCT y[0] AS n
ORDER BY n.name, n.id
LIMIT toInteger($maxPaths)
RETURN collect(__ACTOR_ROW(n)__) AS neighbors
