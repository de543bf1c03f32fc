// Proposals by id, as one row of columns (proposal-columns.cypher); a missing id is left out.
// params: $ids [string]
// returns: one row: id, source, … [one entry per proposal found]
MATCH (p:Proposal) WHERE p.id IN $ids
WITH collect(p) AS ps
RETURN __PROPOSAL_COLUMNS(ps)__
