// Fragment (not a query), spliced as __ACTOR_DEGREE(a)__: how many live (not retracted)
// relationships actor a has. Neo4j reads a bound node's degree from its store without visiting a
// relationship; the retracted ones are kept in a.retractedDegree by retract-relationship.cypher
// (and by server/db/degrees.ts for graphs written before that count existed).
(COUNT { (__VAR__)--() } - coalesce(__VAR__.retractedDegree, 0))
