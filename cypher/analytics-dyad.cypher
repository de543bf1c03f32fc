// What a dyad needs of the graph (server/analytics/projection.ts, readDyadProjection), in the rows
// of the analytics projection: not the whole graph, only the two actors' sides — each actor and,
// with $withMembers, the actors joined to it by a membership passing the filter — every
// relationship passing the filter that starts at a side's actor and ends at one or is a claim, and
// the type and ends of what those claims are about where that touches a side (a claim counts only
// when the other side does what it is about). Found by expanding the sides, which beats a seek per
// claimed id and type at a hub with a thousand claims. The dyad computed on these is the dyad
// computed on the whole projection (tests/int/analytics-seeds.int.test.ts).
// params: $f (see relationship-filter and relationship-ends), $a, $b, $withMembers, $membershipTypes, $batch
// returns: edges, actors, claimed, as cypher/analytics-projection.cypher (in rows of $batch)
CALL () {
  MATCH (a:Actor)-[r]->(b:Actor)
  WHERE $withMembers AND b.id IN [$a, $b] AND type(r) IN $membershipTypes
    AND __RELATIONSHIP_FILTER__
    AND __RELATIONSHIP_ENDS__
  RETURN collect(DISTINCT a.id) + [$a, $b] AS side
}
CALL (side) {
  MATCH (a:Actor)-[r]->(b:Actor)
  WHERE a.id IN side AND (b.id IN side OR r.about IS NOT NULL)
    AND __RELATIONSHIP_FILTER__
    AND __RELATIONSHIP_ENDS__
  RETURN collect(r.id + ' ' + type(r) + ' ' + a.id + ' ' + b.id + ' ' + r.status + ' ' + toString(r.confidence) + ' ' +
      toString(coalesce(r.validFrom, r.knownSince)) + ' ' + coalesce(r.about, '')) AS edges,
    collect(DISTINCT r.about) AS about,
    collect(DISTINCT a) + collect(DISTINCT b) AS ends
}
CALL (ends) {
  UNWIND ends AS x
  WITH DISTINCT x
  RETURN collect(x {.id, .name, .aliases, .description, kind: [l IN labels(x) WHERE l <> 'Actor'][0]}) AS actors
}
CALL (side, about) {
  WITH side, about WHERE size(about) > 0
  MATCH (x:Actor)-[q]-(y:Actor)
  WHERE x.id IN side AND q.id IN about
  WITH DISTINCT q
  RETURN collect(q.id + ' ' + type(q) + ' ' + startNode(q).id + ' ' + endNode(q).id) AS claimed
}
UNWIND range(0, (CASE WHEN size(edges) > size(actors) THEN size(edges) ELSE size(actors) END) / $batch) AS k
RETURN edges[k * $batch..(k + 1) * $batch] AS edges, actors[k * $batch..(k + 1) * $batch] AS actors,
  claimed[k * $batch..(k + 1) * $batch] AS claimed
