// Fragment (not a query): the Actor row of node variable __A__, spliced into queries by
// server/graphql/cypher-parts.ts, which replaces __A__ with a fixed variable name.
// columns: {id, kind, name, aliases, description, degree}
__A__ {.id, .name, .aliases, .description,
  kind: [label IN labels(__A__) WHERE label <> 'Actor'][0],
  degree: COUNT { (__A__)-[deg_rel]-() WHERE deg_rel.retractedAt IS NULL }}
