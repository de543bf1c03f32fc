// Full-text search over actor names and aliases (index actor_search), then as actors.cypher.
// params: $search (a Lucene query built by server/graphql/search.ts from escaped terms),
//   $kinds, $ids, $afterName, $afterId, $limit
// returns: totalCount, rows [actor row]
CALL db.index.fulltext.queryNodes('actor_search', $search) YIELD node AS a
WITH a
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
