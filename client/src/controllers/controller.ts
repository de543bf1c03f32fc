// What every controller shares: the view store, the drawn graph, the vocabulary, the status line.
// A controller owns one concern (its panel, its classes on the graph, its API calls); it changes
// the view only through store.update(), and sync() brings what it owns in line with the state.
import type { RelationshipTypeInfo, Vocabulary } from '../api/types.js';
import type { GraphModel } from '../graph/model.js';
import type { Store } from '../state/store.js';
import type { ViewState } from '../state/url-state.js';

export interface AppContext {
  store: Store<ViewState>;
  graph: GraphModel;
  vocabulary: Vocabulary;
  types: ReadonlyMap<string, RelationshipTypeInfo>;
  /** Says something in the status line (a live region). */
  announce: (message: string) => void;
}

export interface Controller {
  /** Called on every change of the view; previous is null on the first call after a load. */
  sync(state: ViewState, previous: ViewState | null): void;
}
