// Bumps the graph version; every data write runs this as the last statement of its own write
// transaction (server/db/graph-version.ts). The counter read on the right of SET makes Neo4j lock
// the node before reading it, so concurrent writers never lose an increment. The epoch is drawn
// when the node is created, so a database emptied and written again never repeats an old version.
// params: none
// returns: version (string, epoch:counter)
MERGE (v:GraphVersion {key: 'graph'})
ON CREATE SET v.epoch = randomUUID(), v.counter = 0
SET v.counter = v.counter + 1
RETURN v.epoch + ':' + toString(v.counter) AS version
