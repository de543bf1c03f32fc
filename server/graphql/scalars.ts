// The custom scalars: Date (a real calendar day, YYYY-MM-DD) and JSON (any value).
import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { isIsoDay } from '../model/dates.js';

function parseDay(value: unknown): string {
  if (!isIsoDay(value)) {
    const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
    throw new GraphQLError(`${shown} is not a date (YYYY-MM-DD)`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
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
      throw new GraphQLError('a Date is a string YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parseDay(ast.value);
  },
});

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value (used for import bundles).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
