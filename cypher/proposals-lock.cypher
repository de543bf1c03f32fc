// Inside a review transaction: takes the write lock of each proposal, then reads its state and
// record, so that of two concurrent decisions the second sees what the first committed. REMOVE
// takes the node's write lock whether or not the property is there, so it locks without writing
// (a proposal stored before has a `lock` counter, dropped the first time). Not `SET p.state =
// p.state`: that reads the state before it waits for the lock, and writes the stale value back
// over a concurrent decision.
// params: $ids [string]
// returns: id, state, record
MATCH (p:Proposal) WHERE p.id IN $ids
REMOVE p.lock
RETURN p.id AS id, p.state AS state, p.record AS record
