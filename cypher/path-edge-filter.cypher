// Fragment (not a query): the path options on one hop `(x)-[r]-(y)` of a quantified path pattern,
// spliced into path-search and path-neighbors inside the pattern, so the planner checks it while it
// expands the search (a predicate on the whole path would leave it to a filter after an exhaustive
// search). Status, confidence and time mean what they mean everywhere: relationship-filter.cypher
// (its $f is built with retracted relationships left out and no type list, which the pattern's
// type expression holds). In a directed search a hop must leave x by the relationship's own
// direction, except for the symmetric types, which count both ways.
// params: $f (see relationship-filter), $directed boolean
(
  __RELATIONSHIP_FILTER__
  AND (NOT $directed OR startNode(r) = x OR type(r) IN $f.symmetricTypes)
)
