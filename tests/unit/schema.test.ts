// The API as printed SDL, kept as a committed snapshot so that every change to it shows as a diff,
// and a walk over the built schema that finds fields nobody resolves. The snapshot is a .snap file
// so the formatter leaves printSchema's layout alone; after a schema change regenerate it with
// `npx vitest run --project unit -u tests/unit/schema.test.ts` and commit the diff.
import fs from 'node:fs';
import path from 'node:path';
import { isObjectType, parse, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { resolvers } from '../../server/graphql/resolvers/index.js';
import { buildSchema, SDL_DIR } from '../../server/graphql/schema.js';
import { DEFAULT_FIELDS } from '../../server/graphql/types.js';

const schema = buildSchema();

describe('schema', () => {
  it('matches the committed printed schema', async () => {
    await expect(printSchema(schema)).toMatchFileSnapshot('./__snapshots__/schema.graphql.snap');
  });

  it('resolves every Query and Mutation field', () => {
    const map = resolvers as Record<string, Record<string, unknown>>;
    for (const root of ['Query', 'Mutation']) {
      const type = schema.getType(root);
      if (!isObjectType(type)) throw new Error(`${root} missing`);
      const missing = Object.keys(type.getFields()).filter((field) => typeof map[root]?.[field] !== 'function');
      expect({ root, missing }).toEqual({ root, missing: [] });
    }
  });

  it('gives every field of the model, query and analytics types a resolver or a row property', () => {
    const map = resolvers as Record<string, Record<string, unknown>>;
    const typeNames = [
      'model.graphql',
      'query.graphql',
      'server.graphql',
      'analytics.graphql',
      'extract.graphql',
      'ingest.graphql',
    ].flatMap((file) =>
      parse(fs.readFileSync(path.join(SDL_DIR, file), 'utf8'))
        .definitions.filter((d) => d.kind === 'ObjectTypeDefinition' || d.kind === 'ObjectTypeExtension')
        .map((d) => (d as { name: { value: string } }).name.value)
        .filter((name) => name !== 'Query' && name !== 'Mutation'),
    );
    expect(typeNames).toContain('Relationship');
    for (const name of typeNames) {
      const type = schema.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
      const missing = Object.keys(type.getFields()).filter(
        (field) => typeof map[name]?.[field] !== 'function' && !DEFAULT_FIELDS[name]?.includes(field),
      );
      expect({ name, missing }).toEqual({ name, missing: [] });
    }
  });
});
