// A client that disconnects cancels its work: every Neo4j call made while executing its operation
// takes the request's abort signal (through withSignal, so resolvers and DataLoaders need not pass
// it), and Yoga's execution cancellation stops resolving further fields.
import { type Plugin, useExecutionCancellation } from 'graphql-yoga';
import { withSignal } from '../db/executor.js';

export function useCancellation(): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(useExecutionCancellation());
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const signal = (args.contextValue as { request?: Request }).request?.signal;
      if (!signal) return;
      setExecuteFn((execArgs) => withSignal(signal, () => executeFn(execArgs)));
    },
  };
}
