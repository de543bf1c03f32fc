// The open proposals of some articles in article order: the actors a relationship may need, the
// records to rewrite.
// params: $sources [source id]
// returns: one row: id, source, … (proposal-columns.cypher) [one entry per proposal]
MATCH (p:Proposal) WHERE p.source IN $sources AND p.state = 'OPEN'
WITH p ORDER BY p.source, p.position
WITH collect(p) AS ps
RETURN __PROPOSAL_COLUMNS(ps)__
