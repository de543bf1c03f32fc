// The length of the shortest path between two actors with none of the path options (any type,
// status, confidence, time or direction; retracted relationships still never count), up to six
// hops. It tells "no path under these filters" apart from "no path at all within reach".
// params: $from, $to
// returns: length (null when there is none within six hops)
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
OPTIONAL MATCH p = ANY SHORTEST (a)(()-[r WHERE r.retractedAt IS NULL]-()){1,6}(b)
RETURN length(p) AS length
