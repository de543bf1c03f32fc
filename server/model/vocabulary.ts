/**
 * The controlled vocabulary (vocabulary.json): actor kinds, statuses and relationship types.
 * It is checked once, at import, so a broken file stops the server at start with a message
 * that names the entry at fault. Kind and type names become Neo4j labels and relationship
 * types, which cannot be query parameters: the name patterns below are what makes them safe.
 */
import { z } from 'zod';
import rawVocabulary from './vocabulary.json' with { type: 'json' };

export const TYPE_NAME = /^[A-Z][A-Z0-9_]*$/;
export const KIND_NAME = /^[A-Z][A-Za-z]*$/;
const STATUS_NAME = /^[a-z]+$/;

const actorKindSchema = z.strictObject({
  kind: z.string().regex(KIND_NAME, 'must be PascalCase letters, e.g. "Country"'),
  label: z.string().min(1),
  description: z.string().min(1),
});

// How a relationship of this status is told: null for the type's own template (a fact), else a
// form per temporal class with {from}, {to}, {template} (the type's sentence), {infinitive} and
// {past} (the template without its "{from} ": "visited Germany" in "is alleged to have visited").
const sentenceForm = z
  .string()
  .refine((f) => f.includes('{from}') || f.includes('{template}'), 'must contain {from} or {template}');

const statusSchema = z.strictObject({
  status: z.string().regex(STATUS_NAME, 'must be lower-case letters, e.g. "alleged"'),
  label: z.string().min(1),
  requiresClaimedBy: z.boolean(),
  /** How much a relationship of this status counts as a tie in the signed graph (docs/alliances.md), 0..1. */
  tieWeight: z.number().min(0).max(1),
  sentence: z.strictObject({ state: sentenceForm, event: sentenceForm }).nullable(),
  description: z.string().min(1),
});

const relationshipTypeSchema = z.strictObject({
  type: z.string().regex(TYPE_NAME, 'must be UPPER_SNAKE_CASE, e.g. "SUPPLIES_ARMS_TO"'),
  label: z.string().min(1),
  template: z
    .string()
    .refine((t) => t.startsWith('{from} ') && t.includes('{to}'), 'must start with "{from} " and contain {to}'),
  /** The verb phrase after "to": "visit {to}" (for "planned to visit Germany"). */
  infinitive: z.string().refine((t) => t.includes('{to}') && !t.includes('{from}'), 'must contain {to} and not {from}'),
  directed: z.boolean(),
  temporal: z.enum(['event', 'state']),
  from: z.array(z.string()).min(1),
  to: z.array(z.string()).min(1),
  cameo: z
    .string()
    .regex(/^[0-9]{2,4}$/, 'must be a CAMEO code of 2 to 4 digits')
    .nullable(),
  weight: z.number().min(-10).max(10).nullable(),
  aboutClaim: z.boolean(),
  /** For a claim type: whether it speaks for the relationship it is about or against it. */
  stance: z.enum(['for', 'against']).nullable(),
  /** True for the types by which a member belongs to a state or body (a leader, an official, an agency). */
  membership: z.boolean(),
  description: z.string().min(1),
});

const vocabularySchema = z
  .strictObject({
    version: z.literal(1),
    actorKinds: z.array(actorKindSchema).min(1),
    statuses: z.array(statusSchema).min(1),
    relationshipTypes: z.array(relationshipTypeSchema).min(1),
  })
  .superRefine((v, ctx) => {
    const kinds = new Set<string>();
    v.actorKinds.forEach((k, i) => {
      if (kinds.has(k.kind))
        ctx.addIssue({ code: 'custom', path: ['actorKinds', i, 'kind'], message: `duplicate kind "${k.kind}"` });
      kinds.add(k.kind);
    });
    const statuses = new Set<string>();
    v.statuses.forEach((s, i) => {
      if (statuses.has(s.status))
        ctx.addIssue({ code: 'custom', path: ['statuses', i, 'status'], message: `duplicate status "${s.status}"` });
      statuses.add(s.status);
    });
    const types = new Set<string>();
    v.relationshipTypes.forEach((t, i) => {
      if (types.has(t.type))
        ctx.addIssue({ code: 'custom', path: ['relationshipTypes', i, 'type'], message: `duplicate type "${t.type}"` });
      types.add(t.type);
      if (t.aboutClaim !== (t.stance !== null)) {
        ctx.addIssue({
          code: 'custom',
          path: ['relationshipTypes', i, 'stance'],
          message: t.aboutClaim ? 'a claim type needs a stance (for or against)' : 'only claim types have a stance',
        });
      }
      if (t.membership && (t.weight !== null || t.aboutClaim || !t.directed || t.temporal !== 'state')) {
        ctx.addIssue({
          code: 'custom',
          path: ['relationshipTypes', i, 'membership'],
          message: 'a membership type is a directed state from member to body, with no weight and no claim',
        });
      }
      for (const end of ['from', 'to'] as const) {
        t[end].forEach((kind, j) => {
          if (!kinds.has(kind)) {
            ctx.addIssue({
              code: 'custom',
              path: ['relationshipTypes', i, end, j],
              message: `unknown actor kind "${kind}"`,
            });
          }
        });
      }
    });
  });

export type Vocabulary = z.infer<typeof vocabularySchema>;
export type ActorKindInfo = Vocabulary['actorKinds'][number];
export type StatusInfo = Vocabulary['statuses'][number];
export type RelationshipTypeInfo = Vocabulary['relationshipTypes'][number];

/** Parses and checks a vocabulary; throws an Error listing every problem. Exported for tests. */
export function loadVocabulary(input: unknown): Readonly<Vocabulary> {
  const parsed = vocabularySchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`server/model/vocabulary.json is invalid:\n${lines.join('\n')}`);
  }
  return deepFreeze(parsed.data);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const vocabulary: Readonly<Vocabulary> = loadVocabulary(rawVocabulary);

export const RELATIONSHIP_TYPES: readonly string[] = Object.freeze(vocabulary.relationshipTypes.map((t) => t.type));
export const ACTOR_KINDS: readonly string[] = Object.freeze(vocabulary.actorKinds.map((k) => k.kind));
export const STATUSES: readonly string[] = Object.freeze(vocabulary.statuses.map((s) => s.status));

/** Types that hold both ways (directed: false), e.g. MET_WITH: stored once, matched from either end. */
export const SYMMETRIC_TYPES: readonly string[] = Object.freeze(
  vocabulary.relationshipTypes.filter((t) => !t.directed).map((t) => t.type),
);
/** Types of things that happen (temporal: event), e.g. VISITED, as against states such as LEADS. */
export const EVENT_TYPES: readonly string[] = Object.freeze(
  vocabulary.relationshipTypes.filter((t) => t.temporal === 'event').map((t) => t.type),
);

const typesByName: ReadonlyMap<string, RelationshipTypeInfo> = new Map(
  vocabulary.relationshipTypes.map((t) => [t.type, t]),
);
const statusesByName: ReadonlyMap<string, StatusInfo> = new Map(vocabulary.statuses.map((s) => [s.status, s]));

export function relationshipType(type: string): RelationshipTypeInfo | undefined {
  return typesByName.get(type);
}

export function isRelationshipType(s: unknown): s is string {
  return typeof s === 'string' && typesByName.has(s);
}

/**
 * A relationship type as it may be written into Cypher text, where a type cannot be a parameter:
 * it must be a vocabulary type, and is re-checked against TYPE_NAME. Throws otherwise.
 */
export function cypherType(type: string): string {
  if (!typesByName.has(type) || !TYPE_NAME.test(type)) {
    throw new Error(`"${type}" is not a relationship type of the vocabulary.`);
  }
  return type;
}

/** An actor kind as it may be written into Cypher text as a label; throws unless it is one. */
export function cypherLabel(kind: string): string {
  if (!ACTOR_KINDS.includes(kind) || !KIND_NAME.test(kind)) {
    throw new Error(`"${kind}" is not an actor kind of the vocabulary.`);
  }
  return kind;
}

export function isActorKind(s: unknown): s is string {
  return typeof s === 'string' && ACTOR_KINDS.includes(s);
}

export function statusInfo(status: string): StatusInfo | undefined {
  return statusesByName.get(status);
}

export function isStatus(s: unknown): s is string {
  return typeof s === 'string' && statusesByName.has(s);
}

/** Types by which a member belongs to a state or body: LEADS, SERVES_IN, PART_OF. */
export const MEMBERSHIP_TYPES: readonly string[] = Object.freeze(
  vocabulary.relationshipTypes.filter((t) => t.membership).map((t) => t.type),
);

/** The claim types, by what they say of the relationship they are about. */
export const CLAIM_TYPES: Readonly<Record<'for' | 'against', readonly string[]>> = Object.freeze({
  for: Object.freeze(vocabulary.relationshipTypes.filter((t) => t.stance === 'for').map((t) => t.type)),
  against: Object.freeze(vocabulary.relationshipTypes.filter((t) => t.stance === 'against').map((t) => t.type)),
});

function fill(text: string, fromName: string, toName: string): string {
  // A function replacement, so "$&" or "$1" inside a name is not treated as a pattern.
  return text.replace(/\{(from|to)\}/g, (_match, end: string) => (end === 'from' ? fromName : toName));
}

function typeInfoOf(type: string): RelationshipTypeInfo {
  const info = typesByName.get(type);
  if (!info) throw new Error(`Unknown relationship type "${type}".`);
  return info;
}

/** "Kim Jong Un visited Russia": fills a type's template; throws on an unknown type. */
export function renderTemplate(type: string, fromName: string, toName: string): string {
  return fill(typeInfoOf(type).template, fromName, toName);
}

/**
 * The sentence a relationship of this status reads as: "Joe Biden planned to visit Germany",
 * "North Korea is alleged to send troops to Russia"; a fact reads as its template. Throws on an
 * unknown type or status.
 */
export function renderSentence(type: string, status: string, fromName: string, toName: string): string {
  const info = typeInfoOf(type);
  const st = statusesByName.get(status);
  if (!st) throw new Error(`Unknown status "${status}".`);
  const form = st.sentence?.[info.temporal];
  if (!form) return fill(info.template, fromName, toName);
  const text = form.replace(/\{(template|infinitive|past)\}/g, (_match, part: string) =>
    part === 'template'
      ? info.template
      : part === 'infinitive'
        ? info.infinitive
        : info.template.slice('{from} '.length),
  );
  return fill(text, fromName, toName);
}
