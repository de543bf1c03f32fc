// Fragment (not a query), spliced as __ACTOR_ROW(a)__: the Actor row of node variable a, which
// replaces __VAR__ here.
// columns: {id, kind, name, aliases, description, degree}
__VAR__ {.id, .name, .aliases, .description,
  kind: [label IN labels(__VAR__) WHERE label <> 'Actor'][0],
  degree: __ACTOR_DEGREE(__VAR__)__}
