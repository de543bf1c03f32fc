// Fragment (not a query), spliced as __PROPOSAL_COLUMNS(ps)__ in a RETURN: the proposals of list ps
// as one list per property that a ProposalRow holds (server/ingest/queue.ts, proposalsOfColumns).
// The driver decodes lists of scalars about twice as fast as one map per proposal: reading 1,000
// proposals by id took 21–32 ms this way against 44–46 ms as `p {.*}` maps (4 December).
// columns: id, source, position, kind, state, record, evidence, confidence, target, fromStatus,
//   toStatus, note, names, decidedBy, decidedAt, proposedBy, reason, acceptedAs, acceptedActor
[p IN __VAR__ | p.id] AS id, [p IN __VAR__ | p.source] AS source, [p IN __VAR__ | p.position] AS position,
[p IN __VAR__ | p.kind] AS kind, [p IN __VAR__ | p.state] AS state, [p IN __VAR__ | p.record] AS record,
[p IN __VAR__ | p.evidence] AS evidence, [p IN __VAR__ | p.confidence] AS confidence,
[p IN __VAR__ | p.target] AS target, [p IN __VAR__ | p.fromStatus] AS fromStatus,
[p IN __VAR__ | p.toStatus] AS toStatus, [p IN __VAR__ | p.note] AS note, [p IN __VAR__ | p.names] AS names,
[p IN __VAR__ | p.decidedBy] AS decidedBy, [p IN __VAR__ | p.decidedAt] AS decidedAt,
[p IN __VAR__ | p.proposedBy] AS proposedBy, [p IN __VAR__ | p.reason] AS reason,
[p IN __VAR__ | p.acceptedAs] AS acceptedAs, [p IN __VAR__ | p.acceptedActor] AS acceptedActor
