// Inside an accept's transaction: takes the write lock of each proposal, reads its state and record
// as they were committed, then sets the decision (or rewritten record) on it; a null removes a
// property. The caller rolls the transaction back when what was read is not what it planned from.
// params: $rows [{id, set: map}]
// returns: id, state, record (as before this statement)
UNWIND $rows AS row
MATCH (p:Proposal {id: row.id})
SET p.lock = coalesce(p.lock, 0) + 1
WITH p, row, p.state AS state, p.record AS record
SET p += row.set
RETURN p.id AS id, state, record
