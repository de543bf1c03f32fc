// The one way a command ends: its exit code, or one `error:` line for an expected failure (bad
// configuration, a local Neo4j problem) and the full error for anything else.
import { ConfigError } from '../config.js';
import { LocalNeo4jError } from '../db/neo4j-local.js';

/** Prints a fatal error the way every command and the server do. */
export function reportFatal(error: unknown): void {
  if (error instanceof ConfigError || error instanceof LocalNeo4jError) {
    console.error(`error: ${error.message}`);
    if (error instanceof LocalNeo4jError && error.details) console.error(error.details);
  } else {
    console.error(error);
  }
}

/** Runs a command's main function and exits with its code (1 after a fatal error). */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      reportFatal(error);
      process.exit(1);
    },
  );
}
