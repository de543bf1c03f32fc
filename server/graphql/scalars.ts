// The custom scalars: Date (a real calendar day, YYYY-MM-DD) and JSON (any value).
import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { isIsoDay } from '../model/dates.js';

/**
 * For literals, a plain Error carrying the code: graphql-js then wraps it with the location of
 * the literal ("Expected value of type Date, found …; …") and keeps the extensions, where a
 * GraphQLError would be reported bare, without a location.
 */
function invalid(message: string): Error {
  return Object.assign(new Error(message), { extensions: { code: 'BAD_USER_INPUT' } });
}

const notADay = (value: unknown) =>
  `${typeof value === 'string' ? `"${value}"` : JSON.stringify(value)} is not a date (YYYY-MM-DD)`;

/** For variables: graphql-js prefixes the variable and path (`… at "f.asOf"; …`). */
function parseDay(value: unknown): string {
  if (!isIsoDay(value)) throw new GraphQLError(notADay(value), { extensions: { code: 'BAD_USER_INPUT' } });
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day in ISO 8601 form, YYYY-MM-DD.',
  serialize: (value) => {
    if (!isIsoDay(value)) throw new TypeError(`Date cannot represent ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: parseDay,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw invalid('a Date is a string YYYY-MM-DD');
    }
    if (!isIsoDay(ast.value)) throw invalid(notADay(ast.value));
    return ast.value;
  },
});

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value (used for import bundles).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
