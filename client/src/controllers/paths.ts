// Paths: the path finder writes the question to the store; this runs it with the current filters
// as PathOptions (again whenever the filters change), draws the answer with PathHighlight (its own
// classes, so a filter refresh never undoes it) and lets the user pick one path or all.
import { ApiError } from '../api/client.js';
import { fetchConnection } from '../api/operations.js';
import type { Connection, PathOptions } from '../api/types.js';
import { PathHighlight } from '../graph/highlight.js';
import { pathIds } from '../graph/paths.js';
import type { PathState, ViewState } from '../state/url-state.js';
import { describeError } from '../ui/overlay.js';
import { PathFinder } from '../ui/path-finder.js';
import type { AppContext, Controller } from './controller.js';

/** Statuses the path finder leaves out when asked to exclude allegations. */
const ALLEGATION_STATUSES: readonly string[] = ['alleged', 'denied'];
/** A filter being dragged (the confidence or time slider) re-asks once it rests. */
const RERUN_DELAY_MS = 250;

const samePath = (a: PathState | null, b: PathState | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.from === b.from &&
    a.to === b.to &&
    a.k === b.k &&
    a.maxHops === b.maxHops &&
    a.excludeAllegations === b.excludeAllegations);

export class PathsController implements Controller {
  readonly finder: PathFinder;
  private readonly highlight: PathHighlight;
  private connection: Connection | null = null;
  private token = 0;
  private rerun: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ctx: AppContext,
    selectEdge: (id: string) => void,
  ) {
    this.highlight = new PathHighlight(ctx.graph.cy);
    this.finder = new PathFinder(ctx.types, (q) => ctx.graph.matches(q), {
      find: (path) => this.ask(path),
      refused: () => this.clear(),
      clear: () => this.clear(),
      focus: (index) => this.pick(index),
      selectEdge,
    });
    ctx.graph.onChange(() => this.highlight.apply());
  }

  /** Which path is highlighted (null: all), for the exports. */
  get focus(): number | null {
    return this.connection ? this.highlight.focus : null;
  }

  /** The indexes of the paths drawn now. */
  get shown(): number[] {
    return this.connection ? this.highlight.shown : [];
  }

  sync(state: ViewState, previous: ViewState | null): void {
    const path = state.path;
    if (!previous || !samePath(path, previous.path)) {
      if (!path) {
        this.drop();
        return;
      }
      this.finder.setState(path, { from: this.ctx.graph.actor(path.from), to: this.ctx.graph.actor(path.to) });
      void this.run(path);
    } else if (path && state.filters !== previous.filters) {
      clearTimeout(this.rerun);
      this.rerun = setTimeout(() => void this.run(path), RERUN_DELAY_MS);
    }
  }

  setEnd(which: 'from' | 'to', id: string): void {
    const actor = this.ctx.graph.actor(id);
    if (actor) this.finder.setEnd(which, actor);
  }

  /** Asks a question; asking the same one again runs it again. */
  private ask(path: PathState): void {
    if (samePath(path, this.ctx.store.state.path)) void this.run(path);
    else this.ctx.store.update({ path });
  }

  private clear(): void {
    this.drop();
    this.ctx.store.update({ path: null });
  }

  /** Forgets the answer: no highlight, no pending run. */
  private drop(): void {
    this.token++;
    clearTimeout(this.rerun);
    this.connection = null;
    this.highlight.clear();
    this.finder.clearResult();
    delete document.body.dataset.path;
  }

  private options(path: PathState): PathOptions {
    const f = this.ctx.store.state.filters;
    const all = this.ctx.vocabulary.statuses;
    const statuses = all.filter(
      (s) => !f.hiddenStatuses.includes(s) && !(path.excludeAllegations && ALLEGATION_STATUSES.includes(s)),
    );
    const excludeTypes = this.ctx.vocabulary.types.map((t) => t.type).filter((t) => f.hiddenTypes.includes(t));
    return {
      maxHops: path.maxHops,
      ...(statuses.length < all.length ? { statuses } : {}),
      ...(excludeTypes.length ? { excludeTypes } : {}),
      ...(f.minConfidence > 0 ? { minConfidence: f.minConfidence } : {}),
      ...(f.time?.mode === 'asOf' ? { asOf: f.time.date, ...(f.time.window ? { window: f.time.window } : {}) } : {}),
      ...(f.time?.mode === 'knownOn' ? { knownOn: f.time.date } : {}),
    };
  }

  private async run(path: PathState): Promise<void> {
    const token = ++this.token;
    clearTimeout(this.rerun);
    this.finder.loading();
    document.body.dataset.path = 'searching';
    try {
      const connection = await fetchConnection(path.from, path.to, path.k, this.options(path));
      if (token !== this.token) return;
      // A path may run through actors not drawn yet: add them where they belong.
      await this.ctx.graph.add({
        nodes: connection.paths.flatMap((p) => p.nodes),
        edges: connection.paths.flatMap((p) => p.edges),
      });
      if (token !== this.token) return;
      this.connection = connection;
      const ends = connection.paths[0]?.nodes;
      if (ends?.length) this.finder.setState(path, { from: ends[0] ?? null, to: ends.at(-1) ?? null });
      this.pick(null);
      document.body.dataset.path = connection.paths.length > 0 ? 'found' : 'none';
    } catch (error) {
      if (token !== this.token) return;
      this.connection = null;
      this.highlight.clear();
      document.body.dataset.path = 'error';
      this.finder.message(describeError(error), true);
      if (error instanceof ApiError && error.kind === 'network') this.ctx.announce(describeError(error));
    }
  }

  /** Highlights one path of the answer (index) or all of them (null). */
  private pick(index: number | null): void {
    const connection = this.connection;
    if (!connection) return;
    this.highlight.show(connection.paths.map(pathIds), index);
    this.finder.show(connection, this.highlight.focus);
    const { cy } = this.ctx.graph;
    const shown = cy.elements('.path');
    if (shown.nonempty()) cy.animate({ fit: { eles: shown, padding: 60 } }, { duration: 300 });
  }
}
