// Counts of the graph (retracted relationships left out) and the most connected actors.
// params: $top (how many most connected actors)
// returns: actors, relationships, sources, actorsByKind [{key, count}],
//   relationshipsByType [{key, count}], relationshipsByStatus [{key, count}],
//   mostConnected [{actor: actor row, degree}]
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH ()-[r]->() WHERE r.retractedAt IS NULL RETURN count(r) AS relationships }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
CALL () {
  MATCH (a:Actor)
  WITH [label IN labels(a) WHERE label <> 'Actor'][0] AS key, count(*) AS count
  ORDER BY count DESC, key
  RETURN collect({key: key, count: count}) AS actorsByKind
}
CALL () {
  MATCH ()-[r]->() WHERE r.retractedAt IS NULL
  WITH type(r) AS key, count(*) AS count
  ORDER BY count DESC, key
  RETURN collect({key: key, count: count}) AS relationshipsByType
}
CALL () {
  MATCH ()-[r]->() WHERE r.retractedAt IS NULL
  WITH r.status AS key, count(*) AS count
  ORDER BY count DESC, key
  RETURN collect({key: key, count: count}) AS relationshipsByStatus
}
CALL () {
  MATCH (a:Actor)
  WITH a, __ACTOR_DEGREE(a)__ AS degree
  ORDER BY degree DESC, a.name, a.id
  LIMIT toInteger($top)
  RETURN collect({actor: __ACTOR_ROW(a)__, degree: degree}) AS mostConnected
}
RETURN actors, relationships, sources, actorsByKind, relationshipsByType, relationshipsByStatus, mostConnected
