// The relationships the reader may point at instead of proposing again: those between actors the
// article names, the offices and memberships of those actors, and the claims they make; not
// retracted. Each row carries the far end too, which the article need not name.
// params: $ids [string]
// returns: id, type, from, to, toActor {id, kind, name, aliases, description}, status, confidence,
//   validFrom, validFromPrecision, validTo, validToPrecision, summary, sources, claimedBy, about
MATCH (a:Actor)-[r]->(b:Actor)
WHERE a.id IN $ids AND r.retractedAt IS NULL
  AND (b.id IN $ids OR type(r) IN ['LEADS', 'SERVES_IN', 'PART_OF'] OR r.about IS NOT NULL)
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to,
  b {.id, .name, .description, aliases: coalesce(b.aliases, []),
     kind: [l IN labels(b) WHERE l <> 'Actor'][0]} AS toActor,
  r.status AS status, r.confidence AS confidence,
  r.validFrom AS validFrom, r.validFromPrecision AS validFromPrecision,
  r.validTo AS validTo, r.validToPrecision AS validToPrecision,
  r.summary AS summary, r.sources AS sources, r.claimedBy AS claimedBy, r.about AS about
ORDER BY id
