// The length of the shortest path between two actors with none of the path options (any type,
// status, confidence, time or direction; retracted relationships still never count), at any
// length, and how many live relationships each has. It tells "no path under these filters" apart
// from "none within reach" and from "none at all". The search is bidirectional and unbounded: it
// ends when the two sides meet or when one side runs out of actors, so two actors in different
// parts of the graph cost the smaller part, and an actor with no relationships costs nothing.
// params: $from, $to
// returns: length (null when no path joins them), fromDegree, toDegree
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
OPTIONAL MATCH p = ANY SHORTEST (a)(()-[r WHERE r.retractedAt IS NULL]-())+(b)
RETURN length(p) AS length, __ACTOR_DEGREE(a)__ AS fromDegree, __ACTOR_DEGREE(b)__ AS toDegree
