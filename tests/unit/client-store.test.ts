import { describe, expect, it } from 'vitest';
import { Store } from '../../client/src/state/store.js';
import { DEFAULT_STATE, encodeState, type ViewState } from '../../client/src/state/url-state.js';

function urlStore() {
  const writes: string[] = [];
  const heard: [ViewState, ViewState | null][] = [];
  const store = new Store<ViewState>(DEFAULT_STATE, (s) => writes.push(encodeState(s)));
  store.subscribe((state, previous) => heard.push([state, previous]));
  return { store, writes, heard };
}

describe('the view store', () => {
  it('writes the URL once per update, however many fields change, and tells listeners old and new', () => {
    const { store, writes, heard } = urlStore();
    const filters = { ...DEFAULT_STATE.filters, hiddenStatuses: ['alleged'] };
    store.update({ filters, colourMode: 'weight', selected: { group: 'nodes', id: 'russia' } });
    expect(writes).toEqual(['actor=russia&hideStatuses=alleged&colour=weight']);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.[1]).toBe(DEFAULT_STATE);
    expect(heard[0]?.[0]).toMatchObject({ filters, colourMode: 'weight' });
    expect(store.state.path).toBeNull();
  });

  it('does nothing for a patch that changes nothing', () => {
    const { store, writes, heard } = urlStore();
    store.update({ colourMode: 'type', path: null });
    store.update({});
    expect(writes).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('never mutates the state a listener was given', () => {
    const { store, heard } = urlStore();
    store.update({ expanded: ['russia'] });
    const first = heard[0]?.[0];
    store.update({ expanded: ['russia', 'ukraine'] });
    expect(first?.expanded).toEqual(['russia']);
    expect(heard[1]?.[1]).toBe(first);
  });

  it('reset replaces everything and says that all of it is new', () => {
    const { store, writes, heard } = urlStore();
    store.reset({ ...DEFAULT_STATE, expanded: ['north-korea'] });
    expect(writes).toEqual(['expanded=north-korea']);
    expect(heard[0]?.[1]).toBeNull();
  });

  it('stops telling a listener once it unsubscribes', () => {
    const store = new Store({ n: 0 });
    const seen: number[] = [];
    const stop = store.subscribe((s) => seen.push(s.n));
    store.update({ n: 1 });
    stop();
    store.update({ n: 2 });
    expect(seen).toEqual([1]);
  });
});
