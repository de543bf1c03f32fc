// Fragment (not a query): the Relationship row of `r` from start node `a` to end node `b`, with
// both end actors and the cited sources embedded so that field resolvers need no further query.
// columns: {…relationship-fields, fromActor [actor row], toActor [actor row]}
r {__RELATIONSHIP_FIELDS__,
  fromActor: __ACTOR_ROW(a)__,
  toActor: __ACTOR_ROW(b)__}
