// The proposals an accept decides on, and the other open proposals of their articles (the actors
// a relationship may need, the records to rewrite), in one read: each proposal once.
// params: $ids [string]
// returns: requested [proposal properties], siblings [proposal properties, by source and position]
MATCH (p:Proposal) WHERE p.id IN $ids
WITH collect(p) AS requested
CALL {
  WITH requested
  UNWIND requested AS p
  WITH DISTINCT p.source AS source
  // By the source index: the planner otherwise scans every proposal's id for the few of an article.
  MATCH (s:Proposal)
  USING INDEX s:Proposal(source)
  WHERE s.source = source AND s.state = 'OPEN' AND NOT s.id IN $ids
  WITH s ORDER BY s.source, s.position
  RETURN collect(s {.*}) AS siblings
}
RETURN [p IN requested | p {.*}] AS requested, siblings
