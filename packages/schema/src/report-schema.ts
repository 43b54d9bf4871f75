import schema from '../report.schema.json' with { type: 'json' };

/**
 * The JSON Schema (draft 2020-12) of a report, the single source of truth for the data format:
 * the TypeScript types are generated from it and AJV validates with it. The same file ships as
 * `@gongwen/schema/report.schema.json` for editors.
 */
export const reportSchema = schema;

export type JsonSchema = { readonly [keyword: string]: unknown };

/** Follows a local `$ref` (`#/$defs/Name`) of `root` to the schema it names; other schemas come back as they are. */
export function resolveRef(node: JsonSchema | undefined, root: { $defs?: object } = reportSchema): JsonSchema | undefined {
  for (let i = 0; node && typeof node.$ref === 'string' && i < 10; i++) {
    const name = /^#\/\$defs\/([^/]+)$/.exec(node.$ref)?.[1];
    node = name ? (root.$defs as Record<string, JsonSchema> | undefined)?.[name] : undefined;
  }
  return node;
}
