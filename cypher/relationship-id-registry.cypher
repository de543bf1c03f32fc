// Registers every stored relationship id that has no RelationshipId node yet (graphs written before
// the registry existed). Run at every start after the schema; a graph already registered only reads.
// Where an old graph holds one id under several types, the first one found keeps it.
// params: none
// returns: registered (how many ids were added)
MATCH (a)-[r]->(b)
WHERE r.id IS NOT NULL AND NOT EXISTS { MATCH (:RelationshipId {id: r.id}) }
MERGE (k:RelationshipId {id: r.id})
  ON CREATE SET k.type = type(r), k.from = a.id, k.to = b.id
RETURN count(*) AS registered
