// Every error a client can get carries a code. graphql-js reports bad variable values (wrong type,
// unknown enum value, missing required) without one; they are the client's input, so they get
// BAD_USER_INPUT, which the client maps to "fix the request" rather than "the server failed".
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const VARIABLE_ERROR = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" /;

export function useErrorCodes(): Plugin {
  return {
    onExecutionResult({ result, setResult }) {
      if (!result || !('errors' in result) || !result.errors?.length) return;
      if (!result.errors.some((e) => e.extensions?.code === undefined && VARIABLE_ERROR.test(e.message))) return;
      setResult({
        ...result,
        errors: result.errors.map((error) =>
          error.extensions?.code === undefined && VARIABLE_ERROR.test(error.message)
            ? new GraphQLError(error.message, {
                nodes: error.nodes ?? null,
                extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
              })
            : error,
        ),
      });
    },
  };
}
