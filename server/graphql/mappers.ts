// Mappers from rows to the values of GraphQL fields, shared by the resolvers (which do not import
// each other).
import { GraphQLError } from 'graphql';
import type { ActorRow } from '../db/rows.js';
import { type Article, ArticleInputError, makeArticle } from '../extract/article.js';
import { type DatePrecision, formatPartialDate, parsePartialDate } from '../model/dates.js';
import { relationshipType } from '../model/vocabulary.js';
import type { Context } from './context.js';

/** The actor a relationship end names; the database guarantees it exists (edges need both ends). */
export async function endActor(id: string, embedded: ActorRow | undefined, { loaders }: Context): Promise<ActorRow> {
  if (embedded) return embedded;
  const actor = await loaders.actor.load(id);
  if (!actor) throw new GraphQLError(`Actor "${id}" of a relationship is missing.`);
  return actor;
}

/** The RelationshipTypeInfo of a type: its vocabulary entry under the SDL's field names. */
export function typeInfo(type: string) {
  const info = relationshipType(type);
  if (!info) throw new Error(`Unknown relationship type "${type}".`);
  return {
    type: info.type,
    label: info.label,
    template: info.template,
    directed: info.directed,
    fromKinds: info.from,
    toKinds: info.to,
    cameo: info.cameo,
    weight: info.weight,
    aboutClaim: info.aboutClaim,
    stance: info.stance,
    temporal: info.temporal,
    description: info.description,
  };
}

/** A stored day and its precision as the PartialDate type: the written text and its whole period. */
export function partialDate(day: string | null | undefined, precision: string | null | undefined) {
  if (day === null || day === undefined) return null;
  const text = formatPartialDate(day, (precision ?? 'day') as DatePrecision);
  const period = parsePartialDate(text);
  return { text, precision: period.precision, start: period.start, end: period.end };
}

/** The GraphQL ArticleInput: the text and the source record's fields. */
export interface ArticleInput {
  id?: string | null;
  title?: string | null;
  publisher?: string | null;
  published: string;
  url?: string | null;
  kind?: string | null;
  text: string;
}

/** An ArticleInput as the reader's article; a bad one is a BAD_USER_INPUT naming the argument `article`. */
export function articleFromInput({ text, ...source }: ArticleInput): Article {
  try {
    return makeArticle(text, source, 'article');
  } catch (error) {
    if (error instanceof ArticleInputError)
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', argument: 'article' } });
    throw error;
  }
}
