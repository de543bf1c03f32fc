// Inside a review transaction: takes the write lock of each proposal, then reads its state and
// record, so that of two concurrent decisions the second sees what the first committed.
// params: $ids [string]
// returns: id, state, record
MATCH (p:Proposal) WHERE p.id IN $ids
SET p.lock = coalesce(p.lock, 0) + 1
RETURN p.id AS id, p.state AS state, p.record AS record
