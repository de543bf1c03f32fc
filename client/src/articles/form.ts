// The proposal form's choices and what it sends, pure: only the vocabulary's types, for each end
// only the actors of the kinds that type allows, and for an edit only the fields that changed.

export interface TypeChoice {
  type: string;
  label: string;
  fromKinds: readonly string[];
  toKinds: readonly string[];
  aboutClaim: boolean;
}

export interface ActorChoice {
  id: string;
  name: string;
  kind: string;
}

/** The actors one end of `type` may be, by name; an unknown type allows none. */
export function actorsFor(
  types: readonly TypeChoice[],
  type: string,
  end: 'from' | 'to',
  actors: readonly ActorChoice[],
): ActorChoice[] {
  const info = types.find((t) => t.type === type);
  if (!info) return [];
  const kinds = end === 'from' ? info.fromKinds : info.toKinds;
  return actors.filter((a) => kinds.includes(a.kind)).sort((a, b) => a.name.localeCompare(b.name));
}

/** The record the form edits: a relationship as a bundle writes it. */
export interface FormValues {
  type: string;
  from: string;
  to: string;
  status: string;
  validFrom: string;
  validTo: string;
  confidence: string;
  summary: string;
  claimedBy: string;
  about: string;
}

export type FormField = keyof FormValues;

export const FIELD_LABELS: Record<FormField, string> = {
  type: 'Type',
  from: 'From',
  to: 'To',
  status: 'Status',
  validFrom: 'Valid from',
  validTo: 'Valid to',
  confidence: 'Confidence',
  summary: 'Summary',
  claimedBy: 'Claimed by',
  about: 'About',
};

export interface FormProblem {
  field: FormField;
  message: string;
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * What the browser can tell before asking the server: an end missing or of a kind the type does not
 * allow, a date not written as YYYY, YYYY-MM or YYYY-MM-DD, a confidence outside 0..1. The server
 * validates everything again exactly as a bundle record; these only save a round trip.
 */
export function formProblems(
  values: FormValues,
  types: readonly TypeChoice[],
  actors: readonly ActorChoice[],
): FormProblem[] {
  const problems: FormProblem[] = [];
  const info = types.find((t) => t.type === values.type);
  if (!info) problems.push({ field: 'type', message: 'choose a relationship type' });
  for (const end of ['from', 'to'] as const) {
    const id = values[end];
    if (!id) {
      problems.push({ field: end, message: 'choose an actor' });
      continue;
    }
    const actor = actors.find((a) => a.id === id);
    const kinds = info ? (end === 'from' ? info.fromKinds : info.toKinds) : [];
    if (info && actor && !kinds.includes(actor.kind)) {
      problems.push({ field: end, message: `${info.type} takes ${kinds.join(' or ')} here, not ${actor.kind}` });
    }
  }
  for (const field of ['validFrom', 'validTo'] as const) {
    const v = values[field].trim();
    if (v && !PARTIAL_DATE.test(v)) problems.push({ field, message: 'write YYYY, YYYY-MM or YYYY-MM-DD' });
  }
  const c = values.confidence.trim();
  if (c && !(Number(c) >= 0 && Number(c) <= 1)) problems.push({ field: 'confidence', message: 'a number from 0 to 1' });
  if (info?.aboutClaim && !values.about) {
    problems.push({ field: 'about', message: `a ${info.type} proposal says which relationship it is about` });
  }
  return problems;
}

/** The form's values as the API input: empty fields left out, confidence a number. */
export function formInput(values: FormValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [field, raw] of Object.entries(values) as [FormField, string][]) {
    const v = raw.trim();
    if (v === '') continue;
    out[field] = field === 'confidence' ? Number(v) : v;
  }
  return out;
}

/** Only what the reviewer changed from the proposal (an edit); empty when nothing changed. */
export function changedFields(before: FormValues, after: FormValues): Record<string, string | number> {
  const a = formInput(before);
  const b = formInput(after);
  const out: Record<string, string | number> = {};
  for (const [field, value] of Object.entries(b)) if (a[field] !== value) out[field] = value;
  return out;
}

/**
 * The field a server message names, so the error is shown beside it: messages name the field as
 * "edits.from: …", "article.published: …" or "to: …". Null when none of `fields` is named.
 */
export function fieldOfMessage<F extends string>(message: string, fields: readonly F[]): F | null {
  for (const m of message.matchAll(/(?:^|[\s.(])([a-zA-Z]+):/g)) {
    const named = m[1] as F;
    if (fields.includes(named)) return named;
  }
  return null;
}

/** The "Add article" form's fields and their labels. */
export const ARTICLE_FIELDS = {
  text: 'Text',
  title: 'Title',
  publisher: 'Publisher',
  published: 'Published',
  url: 'URL',
  kind: 'Kind',
  id: 'Source id',
} as const;

export type ArticleField = keyof typeof ARTICLE_FIELDS;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What the browser can tell before sending an article: the text and the day are required, a URL is http(s). */
export function articleProblems(values: Record<ArticleField, string>): { field: ArticleField; message: string }[] {
  const problems: { field: ArticleField; message: string }[] = [];
  if (!values.text.trim()) problems.push({ field: 'text', message: 'paste the article text' });
  if (!DAY.test(values.published))
    problems.push({ field: 'published', message: 'the day it was published, YYYY-MM-DD' });
  if (values.url.trim() && !/^https?:\/\/\S+$/i.test(values.url.trim())) {
    problems.push({ field: 'url', message: 'an http(s) address' });
  }
  return problems;
}
