// The stored relationships among the ids a large bundle mentions, found in one pass over all
// relationships: Neo4j has no index across relationship types, and for many ids one scan beats a
// seek per id per type. Small bundles seek each type's id index instead
// (import-known-relationships-by-id.cypher).
// params: $ids [string]
// returns: relationships [{id, type, from, to}]
MATCH (a)-[r]->(b) WHERE r.id IN $ids
RETURN collect({id: r.id, type: type(r), from: a.id, to: b.id}) AS relationships
