// What an accept builds on, in one read: the actors its records name, the stored relationships
// they may state again (same type, either direction, not retracted; the type compared as a value),
// the sources cited by the articles and by those relationships, and what the RelationshipId
// registry holds under the ids the accept may write or point at (the bundle validation's read).
// params: $actorIds [string], $pairs [{type, from, to}], $sourceIds [string], $relIds [string]
// returns: actors [[id, kind, name, aliases, description]] (lists decode faster than maps, and no
//   degree is counted), candidates [relationship properties + type, from, to], sources [source row],
//   registry [[id, type, from, to]] (of $relIds and the candidates)
CALL {
  MATCH (a:Actor) WHERE a.id IN $actorIds
  RETURN collect([a.id, [l IN labels(a) WHERE l <> 'Actor'][0], a.name, a.aliases, a.description]) AS actors
}
CALL {
  UNWIND $pairs AS pair
  MATCH (a:Actor {id: pair.from})-[r]-(b:Actor {id: pair.to})
  WHERE type(r) = pair.type AND r.retractedAt IS NULL
  WITH DISTINCT r
  RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS candidates
}
CALL (candidates) {
  UNWIND $sourceIds + reduce(ids = [], c IN candidates | ids + c.sources) AS id
  WITH DISTINCT id
  MATCH (s:Source {id: id})
  RETURN collect(__SOURCE_ROW(s)__) AS sources
}
CALL (candidates) {
  UNWIND $relIds + [c IN candidates | c.id] AS id
  WITH DISTINCT id
  MATCH (k:RelationshipId {id: id})
  RETURN collect([k.id, k.type, k.from, k.to]) AS registry
}
RETURN actors, candidates, sources, registry
