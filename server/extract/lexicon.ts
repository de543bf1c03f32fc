// The cue lexicon (server/model/cues.json) and the gazetteer supplement (gazetteer.json): data next
// to the vocabulary, checked once at load like vocabulary.ts, so a misspelt type, status or class
// stops the program at start with the entry at fault named.
import { z } from 'zod';
import rawCues from '../model/cues.json' with { type: 'json' };
import rawGazetteer from '../model/gazetteer.json' with { type: 'json' };
import { isRelationshipType, isStatus, relationshipType } from '../model/vocabulary.js';

const words = z.array(z.string().min(1)).min(1);
const expectSchema = z.strictObject({
  type: z.string(),
  from: z.string(),
  to: z.string().optional(),
  status: z.string().optional(),
  about: z
    .strictObject({ type: z.string(), from: z.string(), to: z.string(), status: z.string().optional() })
    .optional(),
});
const exampleSchema = z.strictObject({ text: z.string().min(1), expect: expectSchema.nullable() });

export const FROM_STRATEGIES = [
  'subject',
  'possessor',
  'modifier',
  'apposition',
  'between',
  'participants',
  'prep',
  'prep-by',
] as const;
export const TO_STRATEGIES = [
  'object',
  'object-with',
  'object-possessor',
  'object-event',
  'prep',
  'prep-all',
  'possessor',
  'between',
  'participants',
  'subject',
] as const;

const relationCueSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  type: z.string(),
  /** Lemmas (or lower-case words) of the word the cue hangs on. */
  anchor: words,
  anchorPos: z.array(z.string()).optional(),
  /** Words that must follow the anchor, e.g. "joined" "by". */
  anchorPhrase: words.optional(),
  /** A class whose word must come within needsWithin tokens after (or before) the anchor. */
  needs: z.string().optional(),
  needsBefore: z.boolean().optional(),
  needsWithin: z.number().int().min(1).max(15).optional(),
  /** A class or words that must stand within needsWithin tokens on either side. */
  needsNear: z.union([z.string(), words]).optional(),
  /** A class that must appear somewhere in the sentence. */
  needsInSentence: z.string().optional(),
  /** A word that must follow the object ("authorized Ukraine to"). */
  needsAfterObject: z.string().optional(),
  /** The anchor must be a predicate noun after a form of "be". */
  predicate: z.boolean().optional(),
  from: z.array(z.enum(FROM_STRATEGIES)).min(1),
  to: z.array(z.enum(TO_STRATEGIES)).min(1),
  preps: z.array(z.string().min(1)).optional(),
  /** Further "from" ends named after these words ("the biggest supplier after Germany"). */
  alsoFrom: z.array(z.string()).optional(),
  /** A missing "to" may be taken from the same relationship earlier in the article or in the graph. */
  complete: z.boolean().optional(),
  example: exampleSchema,
});

const frameSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  stance: z.enum(['for', 'confirm', 'against', 'none']),
  lemmas: words.optional(),
  phrase: words.optional(),
  speakerAfter: z.boolean().optional(),
  /** "accused X of …": the object is the subject of the claimed relationship. */
  objectIsSubject: z.boolean().optional(),
  /** "denied sending …": the speaker is the subject of the claimed relationship. */
  subjectIsSubject: z.boolean().optional(),
  /** A word of this class must follow within needsWithin tokens: "called the reports groundless". */
  needs: z.string().optional(),
  needsWithin: z.number().int().min(1).max(12).optional(),
  example: exampleSchema,
});

const modalSchema = z.strictObject({
  words,
  status: z.string().nullable(),
  confidence: z.number().min(0).max(1),
});

const officeSchema = z.strictObject({
  title: z.string().min(1),
  relation: z.string().nullable(),
  organizationsOnly: z.boolean().optional(),
});

const cuesSchema = z
  .strictObject({
    version: z.literal(1),
    classes: z.record(z.string(), words),
    offices: z.array(officeSchema).min(1),
    officeCancellers: words,
    /** "Trump's pick for defense secretary": nouns of a nomination before "for" and a title. */
    officeNominations: words,
    relations: z.array(relationCueSchema).min(1),
    frames: z.array(frameSchema).min(1),
    negations: words,
    negatingVerbs: words,
    /** "ruled out sending troops": phrases that negate what follows them. */
    negatingPhrases: z.array(words),
    modality: z.array(modalSchema),
    hedges: z.array(modalSchema),
    hypothetical: z.array(words),
    accusable: words,
  })
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const ids = new Set<string>();
    c.relations.forEach((r, i) => {
      if (ids.has(r.id)) issue(['relations', i, 'id'], `duplicate cue id "${r.id}"`);
      ids.add(r.id);
      if (!isRelationshipType(r.type)) issue(['relations', i, 'type'], `unknown relationship type "${r.type}"`);
      else if (relationshipType(r.type)?.aboutClaim)
        issue(['relations', i, 'type'], `"${r.type}" is a claim type: claims come from frames, not relation cues`);
      for (const key of ['needs', 'needsInSentence'] as const) {
        const cls = r[key];
        if (cls !== undefined && !(cls in c.classes)) issue(['relations', i, key], `unknown class "${cls}"`);
      }
      if (typeof r.needsNear === 'string' && !(r.needsNear in c.classes))
        issue(['relations', i, 'needsNear'], `unknown class "${r.needsNear}"`);
      const usesPrep = [...r.from, ...r.to].some((s) => s === 'prep' || s === 'prep-all');
      if (usesPrep && !r.preps?.length) issue(['relations', i, 'preps'], 'a prep strategy needs preps');
    });
    c.frames.forEach((f, i) => {
      if (f.needs !== undefined && !(f.needs in c.classes)) issue(['frames', i, 'needs'], `unknown class "${f.needs}"`);
    });
    c.offices.forEach((o, i) => {
      if (o.relation !== null && !isRelationshipType(o.relation))
        issue(['offices', i, 'relation'], `unknown relationship type "${o.relation}"`);
    });
    for (const list of ['modality', 'hedges'] as const) {
      c[list].forEach((m, i) => {
        if (m.status !== null && !isStatus(m.status)) issue([list, i, 'status'], `unknown status "${m.status}"`);
      });
    }
    c.accusable.forEach((t, i) => {
      if (!isRelationshipType(t)) issue(['accusable', i], `unknown relationship type "${t}"`);
    });
    const examples = [...c.relations.map((r) => r.example), ...c.frames.map((f) => f.example)];
    examples.forEach((e, i) => {
      const types = [e.expect?.type, e.expect?.about?.type].filter((t): t is string => t !== undefined);
      const statuses = [e.expect?.status, e.expect?.about?.status].filter((s): s is string => s !== undefined);
      for (const t of types) if (!isRelationshipType(t)) issue(['examples', i], `unknown type "${t}" in example`);
      for (const s of statuses) if (!isStatus(s)) issue(['examples', i], `unknown status "${s}" in example`);
    });
  });

const gazetteerSchema = z.strictObject({
  version: z.literal(1),
  notes: z.string(),
  countryNames: z.array(
    z.strictObject({
      country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'),
      names: words,
      requiresMention: z.boolean().optional(),
    }),
  ),
  organizations: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)),
      requiresMention: z.array(z.string()).optional(),
      partOf: z.string().optional(),
      partOfCountry: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .optional(),
      description: z.string().min(1),
    }),
  ),
});

export type Lexicon = z.infer<typeof cuesSchema>;
export type RelationCue = Lexicon['relations'][number];
export type FrameCue = Lexicon['frames'][number];
export type Modal = Lexicon['modality'][number];
export type Office = Lexicon['offices'][number];
export type Example = RelationCue['example'];
export type GazetteerSupplement = z.infer<typeof gazetteerSchema>;

function load<T>(schema: z.ZodType<T>, input: unknown, file: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`server/model/${file} is invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Parses and checks a lexicon; throws listing every problem. Exported for tests. */
export function loadLexicon(input: unknown): Lexicon {
  return load(cuesSchema, input, 'cues.json');
}

export function loadGazetteerSupplement(input: unknown): GazetteerSupplement {
  return load(gazetteerSchema, input, 'gazetteer.json');
}

export const lexicon: Lexicon = loadLexicon(rawCues);
export const gazetteerSupplement: GazetteerSupplement = loadGazetteerSupplement(rawGazetteer);
