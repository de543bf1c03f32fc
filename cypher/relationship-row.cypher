// Fragment (not a query): the Relationship row of `r` from start node `a` to end node `b`, with
// both end actors and the cited sources embedded so that field resolvers need no further query.
// columns: {…properties of r, type, from, to, fromActor, toActor, sourceRows}
r {.*, type: type(r), from: a.id, to: b.id,
  fromActor: __ACTOR_ROW(a)__,
  toActor: __ACTOR_ROW(b)__,
  sourceRows: COLLECT { MATCH (src:Source) WHERE src.id IN r.sources RETURN src {.*} ORDER BY src.id }}
