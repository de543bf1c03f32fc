// Stores an article's text on its source and its proposals as (:Proposal) nodes, which name their
// source by id. Proposals are nodes, not relationships: no query of the graph sees them.
// params: $id, $text, $hash, $at (ISO date-time), $proposals [proposal properties]
// returns: count (proposals written)
MATCH (s:Source {id: $id})
SET s.text = $text, s.textHash = $hash, s.ingestedAt = datetime($at)
WITH s
CALL (s) {
  UNWIND $proposals AS row
  CREATE (p:Proposal)
  SET p = row, p.createdAt = datetime($at)
  RETURN count(p) AS count
}
RETURN count
