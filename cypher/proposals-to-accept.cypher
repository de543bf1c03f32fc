// The proposals an accept decides on, then the other open proposals of their articles (the actors
// a relationship may need, the records to rewrite), each proposal once, and with them what the
// accept builds on (as accept-context.cypher reads it), in one read: the context is found from the
// copies of each record's ids that a proposal is stored with (recordId, recordType, recordFrom,
// recordTo, recordClaimedBy, recordAbout; proposals-create), so no second read has to wait for the
// records to be parsed. The copies come back too: the caller checks them against the records, and
// reads the context by accept-context instead where they differ or are missing (a proposal stored
// before they were, or an edit of what the record names). Only the fields an accept uses, as one
// list per field (lists of scalars decode several times faster in the driver than a map per
// proposal, and createdAt, a date-time, is not read at all).
// params: $ids [string]
// returns: requested (how many of the lists' first entries are requested proposals), id, source,
//   position, kind, state, record, evidence, confidence, target, fromStatus, toStatus, note, names,
//   decidedBy, reason, recordId, recordType, recordFrom, recordTo, recordClaimedBy, recordAbout
//   [one entry per proposal]; and for the open requested proposals (and the actors of the other
//   open ones), as accept-context.cypher returns them: actors, candidates, sources, registry
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
WITH requested, siblings, [p IN requested WHERE p.state = 'OPEN'] AS open
CALL (open, siblings) {
  UNWIND open + [s IN siblings WHERE s.kind = 'ACTOR'] AS p
  UNWIND CASE WHEN p.kind = 'ACTOR' THEN [p.recordId] ELSE [p.recordFrom, p.recordTo, p.recordClaimedBy] END AS id
  WITH DISTINCT id
  WHERE id IS NOT NULL
  MATCH (a:Actor {id: id})
  RETURN collect([a.id, [l IN labels(a) WHERE l <> 'Actor'][0], a.name, a.aliases, a.description]) AS actors
}
CALL (open) {
  UNWIND open AS p
  WITH p
  WHERE p.kind <> 'ACTOR'
  MATCH (a:Actor {id: p.recordFrom})-[r]-(b:Actor {id: p.recordTo})
  WHERE type(r) = p.recordType AND r.retractedAt IS NULL
  WITH DISTINCT r
  RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS candidates
}
CALL (open, candidates) {
  UNWIND [p IN open | p.source] + reduce(ids = [], c IN candidates | ids + c.sources) AS id
  WITH DISTINCT id
  MATCH (s:Source {id: id})
  RETURN collect(__SOURCE_ROW(s)__) AS sources
}
CALL (open, candidates) {
  UNWIND [p IN open | p.target] + [p IN open | p.recordAbout] + [p IN open WHERE p.kind <> 'ACTOR' | p.recordId] +
    [c IN candidates | c.id] AS id
  WITH DISTINCT id
  WHERE id IS NOT NULL
  MATCH (k:RelationshipId {id: id})
  RETURN collect([k.id, k.type, k.from, k.to]) AS registry
}
WITH size(requested) AS requested, requested + siblings AS ps, actors, candidates, sources, registry
RETURN requested, [p IN ps | p.id] AS id, [p IN ps | p.source] AS source, [p IN ps | p.position] AS position,
  [p IN ps | p.kind] AS kind, [p IN ps | p.state] AS state, [p IN ps | p.record] AS record,
  [p IN ps | p.evidence] AS evidence, [p IN ps | p.confidence] AS confidence, [p IN ps | p.target] AS target,
  [p IN ps | p.fromStatus] AS fromStatus, [p IN ps | p.toStatus] AS toStatus, [p IN ps | p.note] AS note,
  [p IN ps | p.names] AS names, [p IN ps | p.decidedBy] AS decidedBy, [p IN ps | p.reason] AS reason,
  [p IN ps | p.recordId] AS recordId, [p IN ps | p.recordType] AS recordType,
  [p IN ps | p.recordFrom] AS recordFrom, [p IN ps | p.recordTo] AS recordTo,
  [p IN ps | p.recordClaimedBy] AS recordClaimedBy, [p IN ps | p.recordAbout] AS recordAbout,
  actors, candidates, sources, registry
