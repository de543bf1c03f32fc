// Dates in a sentence, resolved against the publication day with their precision. chrono-node
// reads the expressions; two small parsers are added for what it leaves out (a bare year, "in 2022",
// "Russia's 2022 invasion", and seasons, "in the summer"). A weekday alone ("on Monday") is the
// last such day on or before publication for what happened, the next one for what is planned;
// "last week" is its Monday-to-Sunday range; "a day after …" says the clause after it happened a
// day before the event it is told beside, so it is kept as a shift for the claim stage to apply.
import * as chrono from 'chrono-node';
import type { Sentence } from './text.js';

export interface DateMention {
  /** Token indexes [start, end) within the sentence. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Partial date (YYYY, YYYY-MM or YYYY-MM-DD); for a weekday, the past reading. */
  readonly value: string;
  /** The end of a range ("last week", "in the summer"), else null. */
  readonly until: string | null;
  /** For a weekday or a day without a year: the next one on or after publication, for plans. */
  readonly future: string | null;
  /** "a day after": days to add to the date of the event it is told beside. */
  readonly shift: number | null;
  /** "earlier in the day": the day of the story (the lede's date), not of publication; value is "". */
  readonly storyDay?: boolean;
}

const DAY_MS = 86_400_000;
const TIME_OF_DAY = /^(?:in|during|that|the)\s+(?:the\s+)?(?:day|morning|afternoon|evening|night)$/i;
const DURATION =
  /\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)\s+(?:days|weeks|months|years)\b/i;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], winter: [12, 2] };

const yearParser: chrono.Parser = {
  pattern: () =>
    /(?:\b(?:in|since|during|from|until|by|early|late|mid)[\s-]+|(?:['’]s|\bthe|\bits|\btheir)\s+)((?:19|20)\d{2})\b(?![,.]?\d)/i,
  extract: (context, match) => {
    // The whole match, preposition included: chrono drops a result whose text is digits only.
    return context.createParsingResult(match.index ?? 0, match[0], { year: Number(match[1]) });
  },
};

const seasonParser: chrono.Parser = {
  pattern: () =>
    /\b(?:in|during|over|this|last|since)\s+(?:the\s+)?(spring|summer|autumn|winter)(?:\s+of\s+((?:19|20)\d{2}))?\b/i,
  extract: (context, match) => {
    const season = (match[1] ?? '').toLowerCase();
    const [first, last] = SEASONS[season] ?? ([6, 8] as const);
    const ref = context.reference.instant;
    let year = match[2] ? Number(match[2]) : ref.getUTCFullYear();
    if (!match[2] && ref.getUTCMonth() + 1 < first && first <= 12 && season !== 'winter') year -= 1;
    const endYear = last < first ? year + 1 : year;
    const result = context.createParsingResult(match.index ?? 0, match[0], { year, month: first });
    result.end = context.createParsingComponents({ year: endYear, month: last });
    return result;
  },
};

const parser = (() => {
  const c = chrono.casual.clone();
  c.parsers.push(yearParser, seasonParser);
  return c;
})();

function lastDay(year: number, month: number): string {
  return iso(new Date(Date.UTC(year, month, 0)));
}

function partial(component: chrono.ParsedComponents): { value: string; monthEnd: string } | null {
  const year = component.get('year');
  const month = component.get('month');
  const day = component.get('day');
  if (year === null) return null;
  const y = String(year).padStart(4, '0');
  if (component.isCertain('day') && month !== null && day !== null) {
    const v = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { value: v, monthEnd: v };
  }
  if (component.isCertain('month') && month !== null) {
    const v = `${y}-${String(month).padStart(2, '0')}`;
    return { value: v, monthEnd: lastDay(year, month) };
  }
  if (component.isCertain('year')) return { value: y, monthEnd: `${y}-12-31` };
  return null;
}

/** Every date of the sentence, as token spans with resolved values. */
export function findDates(sentence: Sentence, published: string): DateMention[] {
  const instant = new Date(`${published}T12:00:00Z`);
  const results = parser.parse(sentence.text, { instant, timezone: 0 }, { forwardDate: false });
  const out: DateMention[] = [];
  for (const r of results) {
    const from = sentence.start + r.index;
    const to = from + r.text.length;
    const tokens = sentence.tokens.filter((t) => t.start < to && t.end > from);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) continue;
    const span = { start: first.i, end: last.i + 1, text: r.text };
    const day = iso(r.start.date());
    const relative = /\b(after|before|later|earlier)$/i.exec(r.text);
    if (relative && r.start.isCertain('day')) {
      const delta = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${published}T00:00:00Z`)) / DAY_MS);
      const days = Math.abs(delta);
      const word = (relative[1] ?? '').toLowerCase();
      out.push({
        ...span,
        value: day,
        until: null,
        future: null,
        shift: word === 'after' || word === 'earlier' ? -days : days,
      });
      continue;
    }
    // "in the past 15 months", "for two weeks": a length of time, not a date.
    if (DURATION.test(r.text)) continue;
    // "earlier in the day", "later that night": a time of the story's day, which the lede dates.
    if (TIME_OF_DAY.test(r.text)) {
      out.push({ ...span, value: '', until: null, future: null, shift: null, storyDay: true });
      continue;
    }
    // "are now in Russia": the present, not the day a state of affairs began.
    if (/^(?:right\s+|by\s+)?now$/i.test(r.text.trim())) continue;
    if (/\bweek\b/i.test(r.text) && !r.start.isCertain('weekday')) {
      // Weeks run Monday to Sunday around the publication day: "this week" is the one holding it,
      // up to that day; "last week" the one before; "next week" the one after.
      const p = new Date(`${published}T00:00:00Z`);
      const thisMonday = addDays(published, -((p.getUTCDay() + 6) % 7));
      const offset = /\b(last|past|previous)\s+week/i.test(r.text) ? -7 : /\bnext\s+week/i.test(r.text) ? 7 : 0;
      const monday = addDays(thisMonday, offset);
      const sunday = offset === 0 ? published : addDays(monday, 6);
      out.push({ ...span, value: monday, until: sunday, future: null, shift: null });
      continue;
    }
    if (r.start.isCertain('weekday') && !r.start.isCertain('day')) {
      const weekday = r.start.get('weekday') ?? 0;
      const pubDay = new Date(`${published}T00:00:00Z`).getUTCDay();
      const back = (pubDay - weekday + 7) % 7;
      out.push({
        ...span,
        value: addDays(published, -back),
        until: null,
        future: addDays(published, (7 - back) % 7),
        shift: null,
      });
      continue;
    }
    const start = partial(r.start);
    if (!start) continue;
    const end = r.end ? partial(r.end) : null;
    // "on November 6" without a year: the last one for what happened, the next one for plans.
    if (!r.start.isCertain('year') && start.value.length > 4) {
      const year = Number(start.value.slice(0, 4));
      const later = start.value > published.slice(0, start.value.length);
      const past = later ? `${year - 1}${start.value.slice(4)}` : start.value;
      const next = later ? start.value : `${year + 1}${start.value.slice(4)}`;
      const shiftEnd = (v: string | undefined) =>
        v && later ? `${Number(v.slice(0, 4)) - 1}${v.slice(4)}` : (v ?? null);
      out.push({ ...span, value: past, until: shiftEnd(end?.value), future: next, shift: null });
      continue;
    }
    out.push({ ...span, value: start.value, until: end ? end.value : null, future: null, shift: null });
  }
  return out;
}

/** The day a shift lands on from an anchor day. */
export function shiftDay(day: string, shift: number): string {
  return addDays(day.length === 10 ? day : `${day}-01`.slice(0, 10), shift);
}
