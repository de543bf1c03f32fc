// A relationship's history in the details panel: a small dated timeline, oldest first (the lines
// come from articles/history.ts, which is pure). A claim's line links to the claim; a source's to
// its page.
import type { RelationshipDetail } from '../api/types.js';
import { timeline } from '../articles/history.js';
import { h, sourceLink } from './dom.js';

export function historyTimeline(history: RelationshipDetail['history'], selectEdge: (id: string) => void): HTMLElement {
  const lines = timeline(history);
  if (lines.length === 0) return h('p', { class: 'muted', text: 'No history recorded.' });
  return h(
    'ol',
    { class: 'history' },
    ...lines.map((line) => {
      const claim = line.claimId;
      return h(
        'li',
        { attrs: { 'data-kind': line.kind } },
        h('time', { class: 'history-date', text: line.date, attrs: { datetime: line.day } }),
        ' ',
        claim
          ? h('button', {
              class: 'link-button history-what',
              text: line.what,
              attrs: { type: 'button', title: 'Show this claim' },
              on: { click: () => selectEdge(claim) },
            })
          : h('span', { class: 'history-what', text: line.what }),
        line.source
          ? h('span', { class: 'muted' }, ' — ', sourceLink(line.source.url ?? null, line.source.title))
          : null,
        line.detail ? h('span', { class: 'muted', text: ` (${line.detail})` }) : null,
      );
    }),
  );
}
