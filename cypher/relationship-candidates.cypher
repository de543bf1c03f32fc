// The stored, non-retracted relationships of given types between given actors (either direction):
// what a proposal may state again. The type is compared as a value, never written into the text.
// params: $pairs [{type, from, to}]
// returns: row [relationship properties + type, from, to]
UNWIND $pairs AS pair
MATCH (a:Actor {id: pair.from})-[r]-(b:Actor {id: pair.to})
WHERE type(r) = pair.type AND r.retractedAt IS NULL
RETURN DISTINCT r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS row
