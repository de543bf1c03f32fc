// The plans Neo4j makes for the queries that must not read the whole graph: every lookup of
// relationships by id (the loader, the import's check of a small bundle, retraction) seeks the
// RelationshipId registry and never scans all relationships.
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../server/db/queries.js';
import { openExecutor, resetDatabase, testConfig } from '../helpers/db.js';

const config = testConfig();
const executor = openExecutor(config);
let driver: Driver;
beforeAll(async () => {
  await resetDatabase(executor); // the id constraints, and so their indexes, exist
  driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password));
});
afterAll(async () => {
  await driver.close();
  await executor.close();
});

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

async function operators(text: string, params: Record<string, unknown>): Promise<string[]> {
  const { summary } = await driver.executeQuery(`EXPLAIN ${text}`, params, { database: config.neo4j.database });
  const out: string[] = [];
  const walk = (node: PlanNode) => {
    out.push(node.operatorType);
    for (const child of node.children) walk(child);
  };
  if (!summary.plan) throw new Error('EXPLAIN gave no plan');
  walk(summary.plan as unknown as PlanNode);
  return out;
}

describe('relationships by id', () => {
  for (const [name, params] of [
    ['relationships-by-id', { ids: ['a-b'] }],
    ['retract-relationship', { ids: ['a-b'], reason: 'test' }],
  ] as const) {
    it(`${name} seeks the id registry and the two ends, and scans no relationships or nodes`, async () => {
      const ops = await operators(query(name), params);
      // The registry node and an end by their unique indexes, then that end's relationships.
      expect(ops.filter((op) => /NodeUniqueIndexSeek/.test(op)).length, ops.join()).toBeGreaterThanOrEqual(2);
      expect(
        ops.filter((op) => /RelationshipIndexSeek|RelationshipUniqueIndexSeek|Union/.test(op)),
        ops.join(),
      ).toEqual([]);
      expect(
        ops.filter((op) => /AllRelationshipsScan|RelationshipTypeScan|AllNodesScan|NodeByLabelScan/.test(op)),
        ops.join(),
      ).toEqual([]);
    });
  }

  it('the import reads known ids from the RelationshipId registry, scanning no relationships', async () => {
    const ops = await operators(query('import-known-relationships'), { ids: ['a-b'] });
    expect(
      ops.some((op) => /NodeUniqueIndexSeek/.test(op)),
      ops.join(),
    ).toBe(true);
    expect(
      ops.filter((op) => /AllRelationshipsScan|RelationshipTypeScan|AllNodesScan/.test(op)),
      ops.join(),
    ).toEqual([]);
  });
});
