// The names the reader knows, as one index: actors of the graph (names and aliases) first, then the
// states of world-countries (common and official names, alternative spellings, demonyms,
// capitals) and the supplement's names, metonyms and organisations. A state or organisation of
// the gazetteer that the graph already holds takes the graph's id, so proposals point at it.
import type { Countries } from 'world-countries';
import countriesModule from 'world-countries';
import { slugify } from './article.js';
import { type GraphActor, type GraphContext, normalizeName } from './graph.js';
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
  readonly actors: ReadonlyMap<string, KnownActor>;
  readonly names: ReadonlyMap<string, readonly NameEntry[]>;
  readonly longest: number;
}

interface GazetteerCountry {
  readonly code: string;
  readonly name: string;
  readonly official: string;
  readonly names: readonly { text: string; form: NameForm; requiresMention: boolean }[];
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

/** Builds the index for one graph. Deterministic: the graph is read in id order. */
export function buildNameIndex(graph: GraphContext): NameIndex {
  const actors = new Map<string, KnownActor>();
  const names = new Map<string, NameEntry[]>();
  let longest = 1;
  const addName = (text: string, entry: Omit<NameEntry, 'caseSensitive' | 'needsCapital'>, priority: boolean) => {
    const key = normalizeName(text);
    if (!key) return;
    longest = Math.max(longest, key.split(' ').length);
    const list = names.get(key) ?? [];
    if (list.some((e) => e.actor === entry.actor)) return;
    const full = { ...entry, caseSensitive: isAcronym(text), needsCapital: /\p{Lu}/u.test(text.replace(/^the /i, '')) };
    if (priority) list.unshift(full);
    else list.push(full);
    names.set(key, list);
  };

  const graphActors = [...graph.actors].sort((a, b) => a.id.localeCompare(b.id));
  const byName = new Map<string, GraphActor[]>();
  for (const a of graphActors) {
    actors.set(a.id, { ...a, existing: true, partOf: null });
    for (const n of [a.name, ...a.aliases]) {
      const key = normalizeName(n);
      byName.set(key, [...(byName.get(key) ?? []), a]);
      addName(n, { actor: a.id, form: 'name', requiresMention: false }, true);
    }
  }
  const graphMatch = (kind: string, texts: readonly string[]) => {
    for (const t of texts) {
      const hit = byName.get(normalizeName(t))?.find((a) => a.kind === kind);
      if (hit) return hit;
    }
    return undefined;
  };

  const codeToId = new Map<string, string>();
  for (const c of gazetteerCountries()) {
    const known = graphMatch('Country', [
      c.name,
      c.official,
      ...c.names.filter((n) => n.form === 'name').map((n) => n.text),
    ]);
    const id = known?.id ?? slugify(c.name);
    codeToId.set(c.code, id);
    if (!known) {
      if (actors.has(id)) continue;
      const aliases = [
        ...new Set(
          c.names.filter((n) => n.form === 'name' && n.text !== c.name && !n.requiresMention).map((n) => n.text),
        ),
      ].sort();
      actors.set(id, {
        id,
        kind: 'Country',
        name: c.name,
        aliases,
        description: c.description,
        existing: false,
        partOf: null,
      });
    }
    for (const n of c.names) addName(n.text, { actor: id, form: n.form, requiresMention: n.requiresMention }, false);
  }

  for (const o of gazetteerSupplement.organizations) {
    const known = graphMatch('Organization', [o.name, ...o.aliases]);
    const id = known?.id ?? o.id;
    const partOf = o.partOfCountry ? (codeToId.get(o.partOfCountry) ?? null) : (o.partOf ?? null);
    if (known) actors.set(id, { ...(actors.get(id) as KnownActor), partOf });
    else
      actors.set(id, {
        id,
        kind: 'Organization',
        name: o.name,
        aliases: o.aliases,
        description: o.description,
        existing: false,
        partOf,
      });
    const conditional = new Set(o.requiresMention ?? []);
    for (const n of [o.name, ...o.aliases]) {
      addName(
        n,
        { actor: id, form: /^the /i.test(n) ? 'metonym' : 'name', requiresMention: conditional.has(n) },
        false,
      );
    }
  }

  // A name shared by several actors names none of them, unless the graph settles it.
  for (const [key, list] of names) {
    const distinct = new Set(list.map((e) => e.actor));
    if (distinct.size > 1) {
      const first = list[0];
      const graphFirst =
        first && actors.get(first.actor)?.existing && !list.slice(1).some((e) => actors.get(e.actor)?.existing);
      names.set(key, graphFirst && first ? [first] : []);
    }
  }
  return { actors, names, longest };
}
