// A page of the review queue in article order (source id, then position in the article).
// params: $source (or null), $states [string] (or null), $afterSource, $afterPosition, $limit
// returns: totalCount, then the page as columns (proposal-columns.cypher): id, source, … [one entry per proposal]
CALL () {
  MATCH (p:Proposal)
  WHERE ($source IS NULL OR p.source = $source) AND ($states IS NULL OR p.state IN $states)
  RETURN count(p) AS totalCount
}
CALL () {
  MATCH (p:Proposal)
  WHERE ($source IS NULL OR p.source = $source) AND ($states IS NULL OR p.state IN $states)
    AND ($afterSource IS NULL OR p.source > $afterSource
      OR (p.source = $afterSource AND p.position > $afterPosition))
  WITH p ORDER BY p.source, p.position
  LIMIT toInteger($limit)
  WITH collect(p) AS ps
  RETURN __PROPOSAL_COLUMNS(ps)__
}
RETURN *
