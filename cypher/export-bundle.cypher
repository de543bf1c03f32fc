// The whole graph, in the shape of a bundle (dates as stored; the exporter turns them back into
// partial dates with their precision).
// params: none
// returns: actors [map], sources [map], relationships [map]
CALL {
  MATCH (a:Actor)
  RETURN collect(a {.id, .name, .aliases, .description, kind: [l IN labels(a) WHERE l <> 'Actor'][0]}) AS actors
}
CALL {
  MATCH (s:Source)
  RETURN collect(__SOURCE_ROW(s)__) AS sources
}
CALL {
  MATCH (a:Actor)-[r]->(b:Actor)
  RETURN collect(r {.*, type: type(r), from: a.id, to: b.id}) AS relationships
}
RETURN actors, sources, relationships
