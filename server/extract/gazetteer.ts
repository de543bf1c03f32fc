// The names the reader knows, as one index: actors of the graph (names and aliases) first, then the
// states of world-countries (common and official names, alternative spellings, demonyms,
// capitals) and the supplement's names, metonyms and organisations. A state or organisation of
// the gazetteer that the graph already holds takes the graph's id, so proposals point at it.
import type { Countries } from 'world-countries';
import countriesModule from 'world-countries';
import { slugify } from './article.js';
import { type GraphContext, normalizeName } from './graph.js';
import { gazetteerSupplement } from './lexicon.js';

export type NameForm = 'name' | 'demonym' | 'capital' | 'metonym';

export interface KnownActor {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** True when the graph holds it. */
  readonly existing: boolean;
  /** The state an organisation belongs to (its PART_OF), when the gazetteer knows it. */
  readonly partOf: string | null;
}

export interface NameEntry {
  readonly actor: string;
  readonly form: NameForm;
  /** Acronyms ("US", "UN") only match when written in capitals. */
  readonly caseSensitive: boolean;
  /** Read only when the article names the actor another way too ("the North"). */
  readonly requiresMention: boolean;
  /** Written with a capital ("the Kremlin"), so "the alliance" may be lower case but "Turkey" not. */
  readonly needsCapital: boolean;
}

export interface NameIndex {
  /** Every actor a name may point at: the graph's over the gazetteer's. */
  readonly actors: ReadonlyMap<string, KnownActor>;
  /** The actor a normalised name stands for, if exactly one does. */
  entry(key: string): NameEntry | undefined;
  /** Whether some name starts with these words, so a scan can stop as soon as none can. */
  hasPrefix(key: string): boolean;
  readonly longest: number;
}

interface GazetteerCountry {
  readonly code: string;
  readonly name: string;
  readonly official: string;
  readonly names: readonly { text: string; form: NameForm; requiresMention: boolean }[];
  readonly aliases: readonly string[];
  readonly description: string;
}

// The package is CommonJS; its default export is the array itself.
const countries = countriesModule as unknown as Countries;

const LATIN = /^[\p{Script=Latin}\p{N}\s.,'’()-]+$/u;

function countryTable(): GazetteerCountry[] {
  const supplement = new Map<string, { text: string; form: NameForm; requiresMention: boolean }[]>();
  for (const entry of gazetteerSupplement.countryNames) {
    const list = supplement.get(entry.country) ?? [];
    for (const text of entry.names) {
      list.push({
        text,
        form: /^the /i.test(text) ? 'metonym' : 'name',
        requiresMention: entry.requiresMention ?? false,
      });
    }
    supplement.set(entry.country, list);
  }
  return countries
    .filter((c) => c.independent || c.unMember)
    .map((c) => {
      const names: { text: string; form: NameForm; requiresMention: boolean }[] = [];
      const add = (text: string | undefined, form: NameForm) => {
        if (text && LATIN.test(text)) names.push({ text, form, requiresMention: false });
      };
      add(c.name.common, 'name');
      add(c.name.official, 'name');
      // The first alternative spelling is the two-letter code itself, not a name in use.
      for (const alt of c.altSpellings) if (alt !== c.cca2 && !alt.includes(',')) add(alt, 'name');
      add(c.demonyms?.eng?.m, 'demonym');
      add(c.demonyms?.eng?.f, 'demonym');
      for (const capital of c.capital ?? []) add(capital, 'capital');
      names.push(...(supplement.get(c.cca2) ?? []));
      const where = c.subregion || c.region;
      return {
        code: c.cca2,
        name: c.name.common,
        official: c.name.official,
        names,
        aliases: [
          ...new Set(
            names.filter((n) => n.form === 'name' && n.text !== c.name.common && !n.requiresMention).map((n) => n.text),
          ),
        ].sort(),
        description: where ? `State in ${where}.` : 'Sovereign state.',
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

let cachedCountries: GazetteerCountry[] | undefined;
function gazetteerCountries(): GazetteerCountry[] {
  cachedCountries ??= countryTable();
  return cachedCountries;
}

/** The gazetteer's id for a country code ("KP" → "north-korea"), before any graph actor is matched. */
export function countryId(code: string): string | undefined {
  const c = gazetteerCountries().find((x) => x.code === code);
  return c ? slugify(c.name) : undefined;
}

const isAcronym = (text: string) =>
  /[A-Z]/.test(text) && !/[a-z]/.test(text) && text.replace(/[^A-Z]/g, '').length <= 5;

// The same names come with every article (the gazetteer's thousands): their shape is worked out once.
const shapes = new Map<string, { key: string; words: number; caseSensitive: boolean; needsCapital: boolean }>();
function nameShape(text: string) {
  let shape = shapes.get(text);
  if (!shape) {
    const key = normalizeName(text);
    shape = {
      key,
      words: key.split(' ').length,
      caseSensitive: isAcronym(text),
      needsCapital: /\p{Lu}/u.test(text.replace(/^the /i, '')),
    };
    if (shapes.size < 100_000) shapes.set(text, shape);
  }
  return shape;
}

interface Names {
  readonly names: Map<string, NameEntry[]>;
  readonly prefixes: Set<string>;
  longest: number;
}

function addName(into: Names, text: string, entry: Omit<NameEntry, 'caseSensitive' | 'needsCapital'>): void {
  const { key, words, caseSensitive, needsCapital } = nameShape(text);
  if (!key) return;
  into.longest = Math.max(into.longest, words);
  const list = into.names.get(key) ?? [];
  if (list.some((e) => e.actor === entry.actor)) return;
  list.push({ ...entry, caseSensitive, needsCapital });
  into.names.set(key, list);
  const parts = key.split(' ');
  for (let n = 1; n <= parts.length; n++) into.prefixes.add(parts.slice(0, n).join(' '));
}

/** A name shared by several actors names none of them. */
function dropShared(into: Names): void {
  for (const [key, list] of into.names) if (new Set(list.map((e) => e.actor)).size > 1) into.names.set(key, []);
}

interface Base extends Names {
  readonly actors: Map<string, KnownActor>;
}

/** The gazetteer's states and organisations, built once: the graph only overlays it. */
function baseIndex(): Base {
  const base: Base = { actors: new Map(), names: new Map(), prefixes: new Set(), longest: 1 };
  const codeToId = new Map<string, string>();
  for (const c of gazetteerCountries()) {
    const id = slugify(c.name);
    codeToId.set(c.code, id);
    if (base.actors.has(id)) continue;
    base.actors.set(id, {
      id,
      kind: 'Country',
      name: c.name,
      aliases: c.aliases,
      description: c.description,
      existing: false,
      partOf: null,
    });
    for (const n of c.names) addName(base, n.text, { actor: id, form: n.form, requiresMention: n.requiresMention });
  }
  for (const o of gazetteerSupplement.organizations) {
    const partOf = o.partOfCountry ? (codeToId.get(o.partOfCountry) ?? null) : (o.partOf ?? null);
    base.actors.set(o.id, {
      id: o.id,
      kind: 'Organization',
      name: o.name,
      aliases: o.aliases,
      description: o.description,
      existing: false,
      partOf,
    });
    const conditional = new Set(o.requiresMention ?? []);
    for (const n of [o.name, ...o.aliases]) {
      addName(base, n, {
        actor: o.id,
        form: /^the /i.test(n) ? 'metonym' : 'name',
        requiresMention: conditional.has(n),
      });
    }
  }
  dropShared(base);
  return base;
}

let cachedBase: Base | undefined;

/** A map that answers from its own entries first, then from a base it does not copy. */
export class LayeredMap<V> extends Map<string, V> {
  constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly view: (v: V) => V,
  ) {
    super();
  }
  override get(key: string): V | undefined {
    const own = super.get(key);
    if (own !== undefined) return own;
    const b = this.base.get(key);
    return b === undefined ? undefined : this.view(b);
  }
  override has(key: string): boolean {
    return super.has(key) || this.base.has(key);
  }
}

/**
 * The index for one graph: the graph's names and aliases over the gazetteer's. A state or
 * organisation of the gazetteer that the graph holds under one of its names takes the graph's id.
 * Deterministic: the graph is read in id order.
 */
export function buildNameIndex(graph: GraphContext): NameIndex {
  cachedBase ??= baseIndex();
  const base = cachedBase;
  const own: Names = { names: new Map(), prefixes: new Set(), longest: 1 };
  const remap = new Map<string, string>();
  const graphActors = [...graph.actors].sort((a, b) => a.id.localeCompare(b.id));
  for (const a of graphActors) {
    for (const n of [a.name, ...a.aliases]) {
      addName(own, n, { actor: a.id, form: 'name', requiresMention: false });
      if (a.kind !== 'Country' && a.kind !== 'Organization') continue;
      const gazetteer = base.names
        .get(nameShape(n).key)
        ?.find((e) => base.actors.get(e.actor)?.kind === a.kind && e.form === 'name');
      if (gazetteer && !remap.has(gazetteer.actor)) remap.set(gazetteer.actor, a.id);
    }
  }
  dropShared(own);
  const mapId = (id: string | null) => (id ? (remap.get(id) ?? id) : id);
  const actors = new LayeredMap<KnownActor>(base.actors, (a) =>
    a.partOf && remap.has(a.partOf) ? { ...a, partOf: mapId(a.partOf) } : a,
  );
  for (const a of graphActors) {
    const gazetteerId = [...remap].find(([, graphId]) => graphId === a.id)?.[0];
    const partOf = gazetteerId ? (base.actors.get(gazetteerId)?.partOf ?? null) : null;
    actors.set(a.id, { ...a, existing: true, partOf: mapId(partOf) });
  }
  return {
    actors,
    longest: Math.max(own.longest, base.longest),
    hasPrefix: (key) => own.prefixes.has(key) || base.prefixes.has(key),
    entry: (key) => {
      const mine = own.names.get(key);
      if (mine) return mine[0];
      const theirs = base.names.get(key)?.[0];
      return theirs && remap.has(theirs.actor) ? { ...theirs, actor: remap.get(theirs.actor) as string } : theirs;
    },
  };
}
