// One store for the view. Every change is one update(patch): the state is replaced, persisted once
// (the URL, for the view store) and every listener hears the new and the previous state, so each
// controller reacts to the slice it owns. Pure: no DOM; persisting is injected.

/** Hears each change; `previous` is null after reset(), when everything counts as new. */
export type Listener<S> = (state: S, previous: S | null) => void;

export class Store<S extends object> {
  private current: S;
  private readonly listeners = new Set<Listener<S>>();

  constructor(
    initial: S,
    private readonly persist: (state: S) => void = () => {},
  ) {
    this.current = initial;
  }

  get state(): S {
    return this.current;
  }

  /** Applies a patch; nothing happens (no write, no listener) when no field changes identity. */
  update(patch: Partial<S>): void {
    const previous = this.current;
    const keys = Object.keys(patch) as (keyof S)[];
    if (keys.every((k) => Object.is(previous[k], patch[k]))) return;
    this.current = { ...previous, ...patch };
    this.persist(this.current);
    for (const listener of [...this.listeners]) listener(this.current, previous);
  }

  /** Replaces the whole state and tells every listener that all of it is new (after a load). */
  reset(state: S): void {
    this.current = state;
    this.persist(state);
    for (const listener of [...this.listeners]) listener(state, null);
  }

  /** Calls the listener on every change; returns the function that stops it. */
  subscribe(listener: Listener<S>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
