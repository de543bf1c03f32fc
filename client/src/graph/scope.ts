// The part of a big graph the client loads, and what it says about it. Pure: the notice's words
// and the API filter of a scope, so the unit tests read them without a page.
import type { RelationshipFilter, RelationshipType } from '../api/types.js';
import type { Scope } from '../state/url-state.js';

/** How much of the scope was loaded, of how much there is. */
export interface LoadedCounts {
  relationships: number;
  relationshipTotal: number;
  actors: number;
  /** Null when the scope does not load actors on their own (a type, an actor's relationships). */
  actorTotal: number | null;
}

export function scopeFilter(scope: Scope | null): RelationshipFilter | null {
  if (!scope) return null;
  // A type scope's id was checked against the vocabulary when the URL was read.
  return scope.by === 'type' ? { types: [scope.id as RelationshipType] } : { involving: scope.id };
}

export function sameScope(a: Scope | null, b: Scope | null): boolean {
  return a?.by === b?.by && a?.id === b?.id;
}

export function truncated(counts: LoadedCounts): boolean {
  return (
    counts.relationships < counts.relationshipTotal || (counts.actorTotal !== null && counts.actors < counts.actorTotal)
  );
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * What the notice says: which part is drawn, and n of m whenever something was left out — never
 * a silent cap. `name` names the scope's type or actor. Null when the whole graph is drawn.
 */
export function scopeText(scope: Scope | null, counts: LoadedCounts, name: string): string | null {
  const relationships = `${n(counts.relationships)} of ${n(counts.relationshipTotal)} relationships`;
  const actors =
    counts.actorTotal !== null && counts.actors < counts.actorTotal
      ? ` and ${n(counts.actors)} of ${n(counts.actorTotal)} actors`
      : '';
  const cut = truncated(counts);
  if (!scope)
    return cut ? `Showing ${relationships}${actors}: the graph is larger than the client loads at once.` : null;
  const part = scope.by === 'type' ? `the ${name} relationships` : `the relationships of ${name}`;
  return cut ? `Showing ${part}: ${relationships}.` : `Showing ${part}: all ${n(counts.relationshipTotal)}.`;
}

/**
 * What the server's neighbourhood budget left out, as a sentence after the expansion's (empty when
 * nothing was): the way in from there is the notice's scope "the relationships of" that actor.
 */
export function neighbourhoodCut(answer: { truncated: boolean; omittedNodes: number; omittedEdges: number }): string {
  if (!answer.truncated) return '';
  const left = [
    answer.omittedNodes > 0 ? `${n(answer.omittedNodes)} actors` : '',
    answer.omittedEdges > 0 ? `${n(answer.omittedEdges)} relationships` : '',
  ].filter(Boolean);
  return ` The server's budget left out ${left.join(' and ') || 'part of the neighbourhood'}: the nearest and best-connected come first.`;
}
