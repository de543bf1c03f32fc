// The one mapping boundary: Neo4j values (Integer, temporal types, nodes, relationships, paths)
// become plain JSON-ready values here and nowhere else.
import neo4j from 'neo4j-driver';

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (neo4j.isDate(value)) return value.toString();
  if (
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value)) {
    return { ...mapObject(value.properties), labels: value.labels };
  }
  if (neo4j.isRelationship(value)) {
    return { ...mapObject(value.properties), type: value.type };
  }
  if (neo4j.isPath(value)) {
    return {
      nodes: [toPlain(value.start), ...value.segments.map((s) => toPlain(s.end))],
      relationships: value.segments.map((s) => toPlain(s.relationship)),
    };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') return mapObject(value as Record<string, unknown>);
  return String(value);
}

function mapObject(object: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const [key, inner] of Object.entries(object)) out[key] = toPlain(inner);
  return out;
}
