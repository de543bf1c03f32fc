// The graph the reader needs for one article, read through the executor: the actors whose names
// or aliases occur in the text, and the relationships it may point at. It writes nothing.
import type { Executor } from '../db/executor.js';
import { cypher } from '../db/queries.js';
import { relationshipRecord } from '../import/export-bundle.js';
import type { GraphActor, GraphContext, GraphRelationship } from './graph.js';
import { splitSentences } from './text.js';
import { isCapitalized, windowKey } from './tokens.js';

const ACTORS = cypher('extract-actors');
const RELATIONSHIPS = cypher('extract-relationships');

/** The longest name, in words, looked up in the graph. */
const LONGEST_NAME = 8;

/** Every window of words that could be a name: it starts with a capital ("the Kremlin" too). */
export function candidateKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const sentence of splitSentences(text)) {
    const tokens = sentence.tokens;
    tokens.forEach((t, i) => {
      if (!isCapitalized(t) && !(t.norm === 'the' && isCapitalized(tokens[i + 1]))) return;
      for (let w = 1; w <= LONGEST_NAME && i + w <= tokens.length; w++) {
        const key = windowKey(tokens, i, i + w);
        if (key) keys.add(key);
      }
    });
  }
  return [...keys].sort();
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

function actorOf(row: Record<string, unknown>): GraphActor {
  return {
    id: String(row.id),
    kind: String(row.kind),
    name: String(row.name),
    aliases: ((row.aliases ?? []) as unknown[]).map(String),
    description: text(row.description),
  };
}

export async function loadGraphFor(executor: Executor, articleText: string): Promise<GraphContext> {
  const keys = candidateKeys(articleText);
  const actorRows = await executor.read(ACTORS, { keys }, { operation: 'extract-actors', class: 'search' });
  const actors = new Map(actorRows.map((r) => [String(r.id), actorOf(r)]));
  const relRows = await executor.read(
    RELATIONSHIPS,
    { ids: [...actors.keys()] },
    { operation: 'extract-relationships', class: 'search' },
  );
  const relationships: GraphRelationship[] = relRows.map((r) => {
    const far = actorOf(r.toActor as Record<string, unknown>);
    if (!actors.has(far.id)) actors.set(far.id, far);
    return relationshipRecord(r);
  });
  return {
    actors: [...actors.values()].sort((a, b) => a.id.localeCompare(b.id)),
    relationships: relationships.sort((a, b) => a.id.localeCompare(b.id)),
  };
}
