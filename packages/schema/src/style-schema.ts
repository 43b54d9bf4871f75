import schema from '../style.schema.json' with { type: 'json' };

/**
 * The JSON Schema (draft 2020-12) of a style's manifest, `templates/<style>/style.yaml`. AJV checks
 * every manifest with it, with the same messages as a report; the file ships as
 * `@gongwen/schema/style.schema.json` for editors.
 */
export const styleSchema = schema;
