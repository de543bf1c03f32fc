// The open proposals of some articles: the actors a relationship may need, the records to rewrite.
// params: $sources [source id]
// returns: row [proposal properties]
MATCH (p:Proposal) WHERE p.source IN $sources AND p.state = 'OPEN'
RETURN p {.*} AS row ORDER BY p.source, p.position
