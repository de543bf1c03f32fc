// Sets properties of proposals (decisions, rewritten records); a null removes one.
// params: $rows [{id, set: map}]
// returns: count
UNWIND $rows AS row
MATCH (p:Proposal {id: row.id})
SET p += row.set
RETURN count(p) AS count
