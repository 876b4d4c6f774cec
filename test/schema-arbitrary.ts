import fc from 'fast-check';
import { z } from 'zod';

/** The part of JSON Schema that zod's `toJSONSchema` writes for the contract's argument schemas. */
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  prefixItems?: JsonSchema[];
  items?: JsonSchema | false;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

/** Strings the generated values sometimes take instead of random ones, so ids and URLs can hit real records. */
export type StringPool = () => string[];

const MAX_STRING = 48;

function stringArb(schema: JsonSchema, pool: StringPool): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? MAX_STRING, MAX_STRING));
  // A pattern fixes its own lengths (a 64-digit hash id): capping it at MAX_STRING would filter out every string.
  const patternMax = schema.maxLength ?? Infinity;
  const random = schema.pattern
    ? fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= patternMax)
    : fc.string({
        minLength: min,
        maxLength: max,
        unit: fc.constantFrom('a', 'Z', '0', ' ', '/', '.', '-', '‮', '\u200B', 'é', '😀', '\0', '%', '@'),
      });
  // The pool is read each time, so records made by earlier calls are picked too.
  const pooled = fc.nat().map((n) => {
    const values = pool();
    return values.length ? values[n % values.length]! : '';
  });
  return fc.oneof({ arbitrary: random, weight: 2 }, { arbitrary: pooled, weight: 3 });
}

/** Values that fit the schema's shape, as a client that knows the contract would send them. */
function arbitraryOf(schema: JsonSchema, pool: StringPool): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((s) => arbitraryOf(s, pool)));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => arbitraryOf({ ...schema, type }, pool)));
  switch (schema.type) {
    case 'string':
      return stringArb(schema, pool);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (schema.prefixItems) {
        const items = schema.prefixItems.map((s) => arbitraryOf(s, pool));
        const required = schema.minItems ?? items.length;
        // Trailing optional elements: sometimes left out.
        return fc.integer({ min: required, max: items.length }).chain((n) => fc.tuple(...items.slice(0, n)));
      }
      const item = schema.items ? arbitraryOf(schema.items, pool) : fc.anything();
      return fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    }
    case 'object': {
      const shape = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, s]) => [k, arbitraryOf(s, pool)]),
      );
      return fc.record(shape, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** Arguments for a method: its zod schema's shape (so calls go deep into the handlers), or anything at all. */
export function argsFor(schema: z.ZodType, pool: StringPool): fc.Arbitrary<unknown[]> {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  const shaped = arbitraryOf(json, pool) as fc.Arbitrary<unknown[]>;
  const wild = fc.array(
    fc.oneof(fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: true, withSet: true }), fc.jsonValue()),
    { maxLength: 3 },
  );
  return fc.oneof({ arbitrary: shaped, weight: 3 }, { arbitrary: wild, weight: 1 });
}
