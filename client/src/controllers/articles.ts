// The Articles view's switch, in the first chunk: the "Articles" button and the URL's view=articles
// turn it on; its code (client/src/articles/) is loaded with import() the first time, so the graph
// view's bundle does not carry it. Once loaded, the view's controller hears every change.
import type { ArticlesState, ViewState } from '../state/url-state.js';
import { describeError } from '../ui/overlay.js';
import type { AppContext, Controller } from './controller.js';

export class ArticlesMode implements Controller {
  private view: Controller | null = null;
  private loading: Promise<void> | null = null;
  /** Where the view was when it was left, so the button brings the reviewer back there. */
  private last: ArticlesState = { source: null, proposal: null };

  constructor(
    private readonly ctx: AppContext,
    private readonly button: HTMLButtonElement,
  ) {
    button.addEventListener('click', () => {
      const current = ctx.store.state.articles;
      if (current) this.last = current;
      ctx.store.update({ articles: current ? null : this.last, ...(current ? {} : { selected: null }) });
    });
  }

  sync(state: ViewState, previous: ViewState | null): void {
    const on = state.articles !== null;
    document.body.dataset.mode = on ? 'articles' : 'graph';
    this.button.setAttribute('aria-pressed', String(on));
    this.button.textContent = on ? 'Graph' : 'Articles';
    if (this.view) this.view.sync(state, previous);
    else if (on) void this.load();
  }

  private load(): Promise<void> {
    this.loading ??= import('../articles/controller.js')
      .then(({ ArticlesController }) => {
        this.view = new ArticlesController(this.ctx);
        this.view.sync(this.ctx.store.state, null);
      })
      .catch((error: unknown) => {
        this.loading = null;
        this.ctx.announce(`The Articles view could not be loaded: ${describeError(error)}`);
      });
    return this.loading;
  }
}
