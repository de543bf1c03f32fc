// Fixed Cypher lives in cypher/<name>.cypher, one query per file, loaded once at start-up.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../config.js';

export const CYPHER_DIR = path.join(ROOT_DIR, 'cypher');

const cache = new Map<string, string>();

/**
 * The text of cypher/<name>.cypher. Modules call this at their top level, so a missing or empty
 * file fails when the server starts, not when a request first needs it.
 */
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

/** A query file's text without its `//` comment lines: for fragments spliced into other queries. */
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
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0);
}
