// The proposals an accept decides on, then the other open proposals of their articles (the actors
// a relationship may need, the records to rewrite), in one read: each proposal once. Only the
// fields an accept uses, as one list per field (lists of scalars decode several times faster in
// the driver than a map per proposal, and createdAt, a date-time, is not read at all).
// params: $ids [string]
// returns: requested (how many of the lists' first entries are requested proposals), id, source,
//   position, kind, state, record, evidence, confidence, target, fromStatus, toStatus, note, names,
//   decidedBy, reason [one entry per proposal]
MATCH (p:Proposal) WHERE p.id IN $ids
WITH collect(p) AS requested
CALL (requested) {
  UNWIND requested AS p
  WITH DISTINCT p.source AS source
  // By the source index: the planner otherwise scans every proposal's id for the few of an article.
  MATCH (s:Proposal)
  USING INDEX s:Proposal(source)
  WHERE s.source = source AND s.state = 'OPEN' AND NOT s.id IN $ids
  WITH s ORDER BY s.source, s.position
  RETURN collect(s) AS siblings
}
WITH size(requested) AS requested, requested + siblings AS ps
RETURN requested, [p IN ps | p.id] AS id, [p IN ps | p.source] AS source, [p IN ps | p.position] AS position,
  [p IN ps | p.kind] AS kind, [p IN ps | p.state] AS state, [p IN ps | p.record] AS record,
  [p IN ps | p.evidence] AS evidence, [p IN ps | p.confidence] AS confidence, [p IN ps | p.target] AS target,
  [p IN ps | p.fromStatus] AS fromStatus, [p IN ps | p.toStatus] AS toStatus, [p IN ps | p.note] AS note,
  [p IN ps | p.names] AS names, [p IN ps | p.decidedBy] AS decidedBy, [p IN ps | p.reason] AS reason
