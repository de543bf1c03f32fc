// Relationships passing the filter that are both claimed (status alleged, or an accusation or
// confirmation points at them) and denied (status denied, or a denial points at them), in time order.
// params: $f (see relationship-filter and relationship-ends), $forTypes, $againstTypes (the claim
//   types by stance), $allegedStatus, $deniedStatus (from the vocabulary)
// returns: row [relationship row]
CALL () {
  MATCH ()-[c]->()
  WHERE c.about IS NOT NULL AND c.retractedAt IS NULL
  RETURN collect(DISTINCT CASE WHEN type(c) IN $forTypes THEN c.about END) AS accused,
    collect(DISTINCT CASE WHEN type(c) IN $againstTypes THEN c.about END) AS denied
}
MATCH (a:Actor)-[r]->(b:Actor)
WHERE (r.status = $allegedStatus OR r.id IN accused)
  AND (r.status = $deniedStatus OR r.id IN denied)
  AND __RELATIONSHIP_FILTER__
  AND __RELATIONSHIP_ENDS__
WITH r, a, b ORDER BY coalesce(r.validFrom, r.knownSince), r.id
RETURN __RELATIONSHIP_ROW__ AS row
