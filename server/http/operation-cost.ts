// What an operation may cost, estimated before it runs from what the resolvers will get: the
// validated document, the variables coerced against their definitions (a variable's default
// applies when it is not sent) and each argument's schema default. Two figures:
//
// - values: how many values the response can hold. Every field counts once per instance; a list
//   of objects multiplies what is under it by its size: its own `first`/`limit`/`top`/`k`, else
//   the one its parent field was given (a connection's `first` bounds its `nodes`, `graph(limit)`
//   its nodes and edges), else the size assumed for that list (ASSUMED_LIST_SIZE). A list of
//   scalars counts as one value. The cost limit (use-limits.ts) refuses an estimate above its budget.
// - tokens: how many rate-limit tokens it takes (use-rate-limit.ts): one per root field that makes
//   Neo4j search or read much of the graph (ROOT_TOKENS), aliases one each.
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The arguments that bound a list's size, in the order they are looked for. */
export const SIZE_ARGUMENTS = ['first', 'limit', 'top', 'k'] as const;

/** Lists with no size argument of their own or of their parent: how many items they are taken to hold. */
export const ASSUMED_LIST_SIZE: Readonly<Record<string, number>> = Object.freeze({
  'Relationship.sources': 5,
  'Relationship.claims': 20,
  // A path has at most maxHops (≤ 10) edges.
  'Path.nodes': 11,
  'Path.edges': 10,
  default: 100,
});

/** Root fields and the rate-limit tokens they take, from their coerced arguments. */
export const ROOT_TOKENS: Readonly<Record<string, (args: Record<string, unknown>) => number>> = Object.freeze({
  shortestPath: () => 1,
  allShortestPaths: () => 1,
  paths: () => 1,
  connection: () => 1,
  extract: () => 1,
  alliances: () => 1,
  centrality: () => 1,
  dyad: () => 1,
  // Reads that walk many relationships: a neighbourhood beyond one hop, a timeline, the graph, disputes.
  neighborhood: (args) => (Number(args.depth ?? 1) >= 2 ? 1 : 0),
  timeline: () => 1,
  graph: () => 1,
  disputed: () => 1,
});

export interface OperationCost {
  readonly values: number;
  readonly tokens: number;
}

/** The operation's cost, or undefined when its variables do not coerce (execution reports that). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): OperationCost | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return undefined;
  const root = schema.getRootType(operation.operation);
  if (!root) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, {
    maxErrors: 1,
  });
  if (coerced.errors) return undefined;
  const variables = coerced.coerced;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  let tokens = 0;

  const argumentsOf = (field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> => {
    try {
      return getArgumentValues(field, node, variables);
    } catch {
      return {}; // an invalid argument fails execution before anything runs
    }
  };
  const sizeOf = (args: Record<string, unknown>): number | undefined => {
    for (const name of SIZE_ARGUMENTS) {
      const value = args[name];
      if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
    }
    return undefined;
  };

  // `inherited` is the size argument of the parent field, for the lists directly under it.
  const walk = (
    type: GraphQLNamedType,
    set: SelectionSetNode,
    count: number,
    inherited: number | undefined,
    visiting: ReadonlySet<string>,
  ): number => {
    let values = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        values += walk(condition ?? type, selection.selectionSet, count, inherited, visiting);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value) ?? type;
        values += walk(condition, fragment.selectionSet, count, inherited, new Set([...visiting, fragment.name.value]));
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__') || !isObjectType(type)) {
        values += count;
        continue;
      }
      const field = type.getFields()[name];
      if (!field) continue;
      const args = argumentsOf(field, selection);
      if (type === root) tokens += ROOT_TOKENS[name]?.(args) ?? 0;
      const named = getNamedType(field.type);
      const own = sizeOf(args);
      let instances = count;
      if (isListType(getNullableType(field.type)) && isCompositeType(named)) {
        instances =
          count * (own ?? inherited ?? ASSUMED_LIST_SIZE[`${type.name}.${name}`] ?? ASSUMED_LIST_SIZE.default ?? 1);
        values += instances;
        if (selection.selectionSet) values += walk(named, selection.selectionSet, instances, undefined, visiting);
        continue;
      }
      values += instances;
      if (selection.selectionSet) values += walk(named, selection.selectionSet, instances, own, visiting);
    }
    return values;
  };
  const values = walk(root, operation.selectionSet, 1, undefined, new Set());
  return { values, tokens: operation.operation === 'query' ? tokens : 0 };
}
