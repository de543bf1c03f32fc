// What the stored graph already holds under the relationship ids a bundle mentions, from the
// RelationshipId registry (one unique index seek per id, whatever the type; cypher/schema.cypher).
// params: $ids [string]
// returns: relationships [{id, type, from, to}]
MATCH (k:RelationshipId) WHERE k.id IN $ids
RETURN collect({id: k.id, type: k.type, from: k.from, to: k.to}) AS relationships
