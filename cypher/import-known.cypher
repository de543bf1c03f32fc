// What already exists of the ids a bundle mentions, so references into the stored graph validate
// and no id changes its meaning. Relationship ids are looked up with one scan over relationships
// (Neo4j has no index across relationship types); the import does this once per bundle.
// params: $actorIds [string], $sourceIds [string], $relationshipIds [string]
// returns: actors [{id, kind}], sources [{id, published}], relationships [{id, type, from, to}]
CALL {
  MATCH (a:Actor) WHERE a.id IN $actorIds
  RETURN collect({id: a.id, kind: [l IN labels(a) WHERE l <> 'Actor'][0]}) AS actors
}
CALL {
  MATCH (s:Source) WHERE s.id IN $sourceIds
  RETURN collect({id: s.id, published: s.published}) AS sources
}
CALL {
  MATCH (a)-[r]->(b) WHERE r.id IN $relationshipIds
  RETURN collect({id: r.id, type: type(r), from: a.id, to: b.id}) AS relationships
}
RETURN actors, sources, relationships
