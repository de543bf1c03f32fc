// Proposals by id.
// params: $ids [string]
// returns: row [proposal properties]
MATCH (p:Proposal) WHERE p.id IN $ids
RETURN p {.*} AS row
