// The stored relationships among the ids a small bundle mentions (a one-record mutation, say), by
// seeking each vocabulary type's id index: a scan of every relationship would make each of them
// cost O(graph). Large bundles use import-known-relationships.cypher.
// params: $ids [string]
// returns: relationships [{id, type, from, to}]
__RELATIONSHIPS_BY_ID__
RETURN collect({id: r.id, type: type(r), from: a.id, to: b.id}) AS relationships
