// The claims (accusations, denials) about some relationships, for the per-request claims loader.
// params: $ids [string], $includeRetracted (boolean)
// returns: about (the id claimed about), row [relationship row]; in time order
MATCH (a:Actor)-[r]->(b:Actor)
WHERE r.about IN $ids AND ($includeRetracted OR r.retractedAt IS NULL)
WITH r, a, b ORDER BY coalesce(r.validFrom, r.knownSince), r.id
RETURN r.about AS about, __RELATIONSHIP_ROW__ AS row
