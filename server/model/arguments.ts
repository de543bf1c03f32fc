// Argument checks shared by every entry point (GraphQL resolvers, path questions, analytics): each
// failure is a BAD_USER_INPUT error that names the argument and the value, e.g.
// `first: must be between 1 and 500, got 100000`.
import { GraphQLError } from 'graphql';
import { isIsoDay } from './dates.js';

export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** An integer argument within [min, max], or its default when absent. */
export function intBetween(
  argument: string,
  value: number | null | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(argument, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

/** A confidence threshold: a number from 0 to 1, or null when absent. */
export function checkConfidence(argument: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!(value >= 0 && value <= 1)) throw badInput(argument, `must be between 0 and 1, got ${value}`);
  return value;
}

/** A calendar day YYYY-MM-DD, or null when absent (the Date scalar checks it too; other callers may not). */
export function checkDay(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!isIsoDay(value)) throw badInput(argument, `must be a day YYYY-MM-DD, got "${value}"`);
  return value;
}

export interface DateRangeInput {
  from?: string | null;
  to?: string | null;
}

export function checkDateRange(argument: string, range: DateRangeInput | null | undefined) {
  const from = checkDay(`${argument}.from`, range?.from);
  const to = checkDay(`${argument}.to`, range?.to);
  if (from !== null && to !== null && to < from) {
    throw badInput(argument, `to "${to}" is before from "${from}"`);
  }
  return { from, to };
}
