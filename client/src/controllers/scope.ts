// The scope: which part of a big graph is loaded. It owns the notice over the graph ("showing n
// of m", never a silent cap) and its ways in; choosing one updates the view, and a changed scope
// loads the graph again (the page's reload, given by app.ts).
import { fetchOverview } from '../api/operations.js';
import type { Overview } from '../api/types.js';
import { type LoadedCounts, sameScope, scopeText, truncated } from '../graph/scope.js';
import type { Scope, ViewState } from '../state/url-state.js';
import { ScopeNotice } from '../ui/scope-notice.js';
import type { AppContext, Controller } from './controller.js';

export class ScopeController implements Controller {
  readonly notice: ScopeNotice;
  private counts: LoadedCounts | null = null;
  private overview: Overview | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly reload: () => void,
    search: () => void,
  ) {
    this.notice = new ScopeNotice({ choose: (scope) => this.choose(scope), search });
  }

  /** After each load: what was loaded of how much. */
  loaded(counts: LoadedCounts): void {
    this.counts = counts;
    this.render();
    if (truncated(counts) && !this.overview) {
      fetchOverview().then(
        (overview) => {
          this.overview = overview;
          this.render();
        },
        () => undefined, // The notice still says n of m; the search stays a way in.
      );
    }
  }

  sync(state: ViewState, previous: ViewState | null): void {
    if (previous && !sameScope(state.scope, previous.scope)) this.reload();
    else if (!previous) this.render();
  }

  private choose(scope: Scope | null): void {
    this.ctx.store.update({ scope, selected: null, path: null, expanded: [] });
  }

  private render(): void {
    const counts = this.counts;
    if (!counts) return;
    const { scope } = this.ctx.store.state;
    const name =
      scope?.by === 'type'
        ? (this.ctx.types.get(scope.id)?.label ?? scope.id)
        : scope
          ? (this.ctx.graph.actor(scope.id)?.name ?? scope.id)
          : '';
    this.notice.show(scopeText(scope, counts, name), {
      scope,
      truncated: truncated(counts),
      overview: this.overview,
      types: this.ctx.types,
    });
  }
}
