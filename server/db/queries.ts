// Fixed Cypher lives in cypher/<name>.cypher, one query or fragment per file, loaded once and
// completed here, by the one expander every module uses. A placeholder is `__NAME__` or
// `__NAME(variable)__`, and is filled, in this order, by:
//   - `__VAR__`: inside a fragment spliced as `__NAME(v)__`, the variable v (which it may pass on
//     as `__OTHER(__VAR__)__`);
//   - a value the caller passes for NAME, where Cypher takes no parameter (see Fill);
//   - a fragment generated from the vocabulary (GENERATED below);
//   - the fragment file cypher/<name>.cypher (NAME in kebab case: ACTOR_ROW is actor-row.cypher),
//     itself expanded the same way.
// Nothing from a request is ever spliced: only these files, vocabulary names and checked integers.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../config.js';
import { cypherType } from '../model/vocabulary.js';

export const CYPHER_DIR = path.join(ROOT_DIR, 'cypher');

const cache = new Map<string, string>();

/** The raw text of cypher/<name>.cypher, read once. A missing or empty file throws. */
export function cypher(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Invalid query name "${name}".`);
  const file = path.join(CYPHER_DIR, `${name}.cypher`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`Query "${name}" not found: expected cypher/${name}.cypher.`);
  }
  if (text.trim() === '') throw new Error(`Query file cypher/${name}.cypher is empty.`);
  cache.set(name, text);
  return text;
}

/** A query's text without its `//` comment lines, which would swallow what follows a splice. */
export function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .trim();
}

/** Splits a file of several statements (such as schema.cypher) on semicolons that end a line. */
export function statements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map(withoutComments)
    .filter((s) => s.length > 0);
}

/** Which paths a path pattern selects: every shortest one, or the n shortest. */
export type PathSelector = { readonly kind: 'all' } | { readonly kind: 'shortest'; readonly n: number };

/**
 * What a placeholder may be filled with, the shapes Cypher cannot take as a parameter: an integer
 * (a quantifier bound, a LIMIT), a list of vocabulary relationship types (written `A|B|C`), or a
 * path selector (written `ALL SHORTEST` or `SHORTEST n`).
 */
export type Fill = number | readonly string[] | PathSelector;

function integer(name: string, value: number, min: number): string {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`Placeholder __${name}__ takes an integer of at least ${min}, got ${value}`);
  }
  return String(value);
}

function render(name: string, value: Fill): string {
  if (typeof value === 'number') return integer(name, value, 0);
  if (Array.isArray(value)) {
    const types = value as readonly string[];
    if (types.length === 0) throw new Error(`Placeholder __${name}__ needs at least one relationship type.`);
    return types.map(cypherType).join('|');
  }
  const selector = value as PathSelector;
  return selector.kind === 'all' ? 'ALL SHORTEST' : `SHORTEST ${integer(name, selector.n, 1)}`;
}

/** Fragments whose text follows from the vocabulary; spliced as `__NAME(v)__` they get v. */
const GENERATED: Readonly<Record<string, (variable: string | null) => string>> = {
  // Relationships by id whatever their type, binding r from a to b for the ids in $ids (or in the
  // list variable it is spliced with). Neo4j has no index across relationship types; the id
  // registry (one unique node per relationship id, with its ends) is one: a seek for each id, then
  // per pair of ends a seek for each end and one read of the relationships between them (Neo4j
  // walks the sparser end's relationships, a cost that grows with its degree). So a pair is read
  // once, whatever the number of its ids asked: per id, 1,000 ids around L's top hub took 15–18 s,
  // per pair 0.3–1.3 s. One UNION arm per type, each seeking its type's index, was the way before:
  // planning it took about 2.7 s against 0.7 s now on a busy machine, and a racing write planned it
  // again.
  RELATIONSHIPS_BY_ID: (ids) =>
    `CALL (${ids ?? ''}) {
  MATCH (k:RelationshipId) WHERE k.id IN ${ids ?? '$ids'}
  WITH k.from AS fromId, k.to AS toId, collect(k.id) AS pairIds
  MATCH (a:Actor {id: fromId})-[r]->(b:Actor {id: toId})
  WHERE r.id IN pairIds
  RETURN r, a, b
}`,
};

// A fragment may pass its own variable on: `__OTHER(__VAR__)__`.
const PLACEHOLDER = /__([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?:\(([a-z][A-Za-z0-9]*|__VAR__)\))?__/g;
const kebab = (name: string) => name.toLowerCase().replaceAll('_', '-');

function expand(text: string, fill: Readonly<Record<string, Fill>>, variable: string | null, depth: number): string {
  if (depth > 8) throw new Error('Cypher fragments nest more than 8 deep (a fragment that includes itself?)');
  return withoutComments(text).replace(PLACEHOLDER, (_match, name: string, argument: string | undefined) => {
    if (name === 'VAR') {
      if (variable === null) throw new Error('__VAR__ outside a fragment spliced as __NAME(variable)__');
      return variable;
    }
    const value = fill[name];
    if (value !== undefined) return render(name, value);
    const generated = GENERATED[name];
    let fragment: string;
    try {
      fragment = generated ? generated(argument === '__VAR__' ? variable : (argument ?? null)) : cypher(kebab(name));
    } catch (error) {
      throw new Error(`Placeholder __${name}__ has no value and no fragment: ${(error as Error).message}`);
    }
    const passed = argument === '__VAR__' ? variable : argument;
    if (argument === '__VAR__' && variable === null) throw new Error(`__${name}(__VAR__)__ outside a fragment`);
    return expand(fragment, fill, passed ?? null, depth + 1);
  });
}

/**
 * cypher/<name>.cypher, comments dropped and placeholders filled (see the top of this file).
 * Throws when a placeholder names nothing, so modules that call it at their top level fail when
 * the server starts, not when a request first needs the query.
 */
export function query(name: string, fill: Readonly<Record<string, Fill>> = {}): string {
  const text = expand(cypher(name), fill, null, 0);
  const left = /__[A-Za-z0-9_()]+__/.exec(text);
  if (left) throw new Error(`cypher/${name}.cypher: unexpanded placeholder ${left[0]}`);
  return text;
}
