// The client's API types are generated from the schema the server builds; a schema or document
// change that is not regenerated fails here, not in the browser.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, generateClientTypes } from '../../client/codegen.js';

describe('generated client API types', () => {
  it('are what npm run codegen writes today (run it and commit the result when this fails)', async () => {
    const committed = fs.readFileSync(GENERATED_FILE, 'utf8');
    expect(committed === (await generateClientTypes()), 'client/src/api/generated.ts is stale: npm run codegen').toBe(
      true,
    );
  });

  it('type each document by its own result and variables, its fragments written out', async () => {
    const text = await generateClientTypes();
    expect(text).toMatch(/export type ConnectionQueryVariables = Exact<\{\n\s+from: string \| number;/);
    expect(text).toMatch(
      /export const ConnectionDocument = ".*edges\{id type status.*sources\{id title publisher published url kind\}.*" as TypedDocument<ConnectionQuery, ConnectionQueryVariables>;/,
    );
    expect(text).not.toMatch(/Document = ".*(fragment |\.\.\.)/);
    // The vocabulary's enums reach the client as unions.
    expect(text).toMatch(/export type Status =\n\s+\| 'fact'/);
  });

  it('refuses a document that asks for something the schema does not have', async () => {
    await expect(generateClientTypes('query Broken($id: ID!) { actor(id: $id) { id nickname } }')).rejects.toThrow(
      /nickname/,
    );
  });
});
