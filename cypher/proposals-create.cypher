// Adds proposals (a reviewer's own) to the queue.
// params: $proposals [proposal properties], $at (ISO date-time)
// returns: count
UNWIND $proposals AS row
CREATE (p:Proposal)
SET p = row, p.createdAt = datetime($at)
RETURN count(p) AS count
