// The graph the analytics work on (server/analytics/projection.ts), in one read: every
// relationship passing a RelationshipFilter, every actor, and the type and ends of each
// relationship a claim among them is about, whether or not that one passes the filter. Only a dyad
// looks at what claims are about and at days, and it reads its own part of the graph
// (analytics-dyad), so the blocs and centrality ask without $claims: no second pass over the
// relationships (Neo4j has no index on relationship ids across types, and a seek per id and type
// costs more), and no day or about read per relationship.
// Relationships come as one space-separated string each, which halves the time Bolt and the
// driver take for them against a list of eight values; every field is a slug, a type name, a
// number or a date, none of which has a space. The lists come in slices of $batch over several
// rows: the driver reads a record that spans many Bolt chunks in time that grows with the number
// of chunks for every value, so one record of 100,000 strings took seconds to decode.
// params: $f (see relationship-filter and relationship-ends), $claims (boolean), $batch (items per row)
// Every actor comes, not only the ends of the relationships: the signed graph leaves out those no
// relationship touches, and reading all actors costs less than collecting 200,000 ends DISTINCT
// (at 100,000 relationships about 0.2 s of the read).
// returns, in rows whose lists are to be joined: edges ["id type from to status confidence day about"]
//   (day: valid start or knownSince, about: empty for no claim; both empty without $claims),
//   actors [{id, kind, name, aliases, description}] (all of them), claimed ["id type from to"]
//   (empty without $claims)
CALL () {
  MATCH (a:Actor)-[r]->(b:Actor)
  WHERE __RELATIONSHIP_FILTER__
    AND __RELATIONSHIP_ENDS__
  RETURN collect(r.id + ' ' + type(r) + ' ' + a.id + ' ' + b.id + ' ' + r.status + ' ' + toString(r.confidence) + ' ' +
      CASE WHEN $claims THEN toString(coalesce(r.validFrom, r.knownSince)) + ' ' + coalesce(r.about, '') ELSE ' ' END) AS edges,
    collect(DISTINCT CASE WHEN $claims THEN r.about END) AS about
}
CALL () {
  MATCH (x:Actor)
  RETURN collect(x {.id, .name, .aliases, .description, kind: [l IN labels(x) WHERE l <> 'Actor'][0]}) AS actors
}
CALL (about) {
  WITH about WHERE $claims AND size(about) > 0
  MATCH (x:Actor)-[q]->(y:Actor)
  WHERE q.id IN about
  RETURN collect(q.id + ' ' + type(q) + ' ' + x.id + ' ' + y.id) AS claimed
}
UNWIND range(0, (CASE WHEN size(edges) > size(actors) THEN size(edges) ELSE size(actors) END) / $batch) AS k
RETURN edges[k * $batch..(k + 1) * $batch] AS edges, actors[k * $batch..(k + 1) * $batch] AS actors,
  claimed[k * $batch..(k + 1) * $batch] AS claimed
