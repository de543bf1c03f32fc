// Actors, optionally of some kinds or ids, one page of them ordered by name then id.
// params: $kinds [string]|null, $ids [string]|null, $afterName, $afterId (null for the first
//   page), $limit (page size + 1)
// returns: totalCount, rows [actor row]
MATCH (a:Actor)
WHERE ($kinds IS NULL OR any(label IN labels(a) WHERE label IN $kinds))
  AND ($ids IS NULL OR a.id IN $ids)
WITH a ORDER BY a.name, a.id
WITH collect(a) AS matches
WITH size(matches) AS totalCount,
  [x IN matches WHERE $afterName IS NULL OR x.name > $afterName
    OR (x.name = $afterName AND x.id > $afterId)][0..$limit] AS page
CALL (page) {
  UNWIND page AS a
  RETURN collect(__ACTOR_ROW(a)__) AS rows
}
RETURN totalCount, rows
