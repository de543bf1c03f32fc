// Sets every actor's retractedDegree (see actor-degree) from the relationships themselves, for a
// graph written before the count was kept or outside retract-relationship. Run at start-up; it
// writes only the actors whose count is wrong.
// returns: updated
MATCH (a:Actor)
WITH a, coalesce(a.retractedDegree, 0) AS stored,
  COUNT { (a)-[r]-() WHERE r.retractedAt IS NOT NULL } AS counted
WHERE stored <> counted
SET a.retractedDegree = counted
RETURN count(a) AS updated
