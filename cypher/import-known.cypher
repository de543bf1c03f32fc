// What already exists of the actor and source ids a bundle mentions, so references into the stored
// graph validate and no id changes its meaning (relationships: import-known-relationships.cypher).
// params: $actorIds [string], $sourceIds [string]
// returns: actors [{id, kind}], sources [{id, published}]
CALL {
  MATCH (a:Actor) WHERE a.id IN $actorIds
  RETURN collect({id: a.id, kind: [l IN labels(a) WHERE l <> 'Actor'][0]}) AS actors
}
CALL {
  MATCH (s:Source) WHERE s.id IN $sourceIds
  RETURN collect({id: s.id, published: s.published}) AS sources
}
RETURN actors, sources
