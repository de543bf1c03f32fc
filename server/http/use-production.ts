// Production hardening of the GraphQL surface (NODE_ENV=production): no schema introspection.
// GraphiQL is off and errors are masked by createApp; field suggestions are hidden by useLimits.
// The client reads the values of three vocabulary enums through __type (client/src/api/operations.ts),
// and those values are public anyway (GET the vocabulary in docs/model.md), so `__type` stays
// allowed for exactly those names, written as literals; `__schema` and every other `__type` are
// refused. `__typename` is not introspection and stays.
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const PUBLIC_TYPES = new Set(['ActorKind', 'Status', 'RelationshipType']);

export const noIntrospectionRule: ValidationRule = (context: ValidationContext) => ({
  Field(node) {
    const name = node.name.value;
    if (name === '__schema') {
      context.reportError(new GraphQLError('Introspection is disabled on this server.', { nodes: [node] }));
    } else if (name === '__type') {
      const argument = node.arguments?.find((a) => a.name.value === 'name')?.value;
      const literal = argument?.kind === 'StringValue' ? argument.value : undefined;
      if (literal === undefined || !PUBLIC_TYPES.has(literal)) {
        context.reportError(
          new GraphQLError(`Introspection is disabled on this server (only ${[...PUBLIC_TYPES].join(', ')}).`, {
            nodes: [node],
          }),
        );
      }
    }
  },
});

export function useDisableIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noIntrospectionRule);
    },
  };
}
