// Adds proposals that review itself raises (a status change a confirmation implies), once: an id
// already in the queue, in whatever state, is left as it is.
// params: $proposals [proposal properties], $at (ISO date-time)
// returns: count (rows merged)
UNWIND $proposals AS row
MERGE (p:Proposal {id: row.id})
ON CREATE SET p = row, p.createdAt = datetime($at)
RETURN count(p) AS count
