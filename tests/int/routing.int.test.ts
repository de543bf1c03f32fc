// The routing path a cluster or Aura uses: a `neo4j://` URI to the test server. Neo4j refuses a
// write inside a read transaction on a routed connection, so reads sent as read transactions (which
// a cluster may serve from a secondary) and writes as write transactions is what lets every other
// test file pass against such a URI (run the tier with NEO4J_TEST_URI=neo4j://…, README).
import { afterAll, describe, expect, it } from 'vitest';
import { openExecutor, testConfig } from '../helpers/db.js';

const config = testConfig();
const uri = config.neo4j.uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');
const routed = testConfig({ NEO4J_URI: uri });
const executor = openExecutor(routed);
afterAll(() => executor.close());

describe('a neo4j:// routing URI', () => {
  it('reads through a read transaction and writes through a write transaction', async () => {
    expect(routed.neo4j.uri).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
    const [read] = await executor.read('RETURN 1 AS one', {}, { operation: 'test-routing' });
    expect(Number(read?.one)).toBe(1);
    const [written] = await executor.write(
      'MERGE (p:RoutingProbe {key: "routing"}) SET p.at = datetime() RETURN p.key AS key',
      {},
      { operation: 'test-routing' },
    );
    expect(written?.key).toBe('routing');
    await executor.write('MATCH (p:RoutingProbe) DELETE p', {}, { operation: 'test-routing' });
  });

  it('refuses a write sent as a read, so a misrouted write cannot pass unnoticed', async () => {
    await expect(
      executor.read('CREATE (p:RoutingProbe {key: "misrouted"}) RETURN p', {}, { operation: 'test-routing' }),
    ).rejects.toThrow(/read access mode|not allowed|read/i);
    const [left] = await executor.read(
      'MATCH (p:RoutingProbe {key: "misrouted"}) RETURN count(p) AS n',
      {},
      { operation: 'test-routing' },
    );
    expect(Number(left?.n)).toBe(0);
  });
});
