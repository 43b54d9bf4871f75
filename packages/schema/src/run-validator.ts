import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { reportSchema } from './report-schema.js';

// CommonJS seen from ESM: the plugin is either the module itself or its `default`.
const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;

interface Validators {
  report: ValidateFunction;
  part: ValidateFunction;
  attachment: ValidateFunction;
  block: ValidateFunction;
}

let compiled: Validators | undefined;

/** Compiled once per process, on first use. */
function validators(): Validators {
  if (!compiled) {
    // `verbose` keeps each error's schema object, which tells the branches of a union apart.
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true });
    addFormats(ajv, ['date']);
    const report = ajv.compile(reportSchema);
    const def = (name: string) => {
      const v = ajv.getSchema(`${reportSchema.$id}#/$defs/${name}`);
      if (!v) throw new Error(`report.schema.json has no $defs/${name}`);
      return v;
    };
    compiled = { report, part: def('Part'), attachment: def('Attachment'), block: def('Block') };
  }
  return compiled;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Stands in for the parts while the rest of the report is checked; it is valid, so it adds no errors. */
const placeholderPart = { kind: 'other', body: [] };

/**
 * Every schema violation in the data, with instance paths relative to the whole report.
 *
 * AJV joins the errors of a recursive `$ref` (Body → Block → Section → Body) by copying the list
 * gathered so far, so thousands of bad items cost quadratic time. The report is therefore checked
 * in pieces: the top level with its parts stood in for, each part and attachment with its body
 * emptied, and each body item on its own, down the tree. No piece holds more than one item's
 * errors, and an empty body is always valid, so the pieces find exactly what one pass would.
 */
export function schemaErrors(data: unknown, options: { budget?: number } = {}): { errors: ErrorObject[]; complete: boolean } {
  const v = validators();
  const budget = options.budget ?? Infinity;
  const errors: ErrorObject[] = [];
  let complete = true;
  const run = (validate: ValidateFunction, value: unknown, pointer: string) => {
    // Past the budget only a count would be gained, at the cost of checking the rest.
    if (errors.length > budget) {
      complete = false;
      return;
    }
    if (validate(value)) return;
    // The error objects are new on every call: prefixing them in place saves a copy each.
    for (const e of validate.errors ?? []) {
      if (pointer) e.instancePath = pointer + e.instancePath;
      errors.push(e);
    }
  };
  const withoutBody = (item: Record<string, unknown>) => (Array.isArray(item.body) ? { ...item, body: [] } : item);

  const body = (items: unknown, pointer: string) => {
    if (!Array.isArray(items)) return;
    items.forEach((item, i) => {
      run(v.block, isObject(item) ? withoutBody(item) : item, `${pointer}/${i}`);
      if (isObject(item)) body(item.body, `${pointer}/${i}/body`);
    });
  };
  const listOf = (key: 'parts' | 'attachments', validate: ValidateFunction) => {
    const list = isObject(data) ? data[key] : undefined;
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      run(validate, isObject(item) ? withoutBody(item) : item, `/${key}/${i}`);
      if (isObject(item)) body(item.body, `/${key}/${i}/body`);
    });
  };

  if (!isObject(data)) {
    run(v.report, data, '');
    return { errors, complete };
  }
  const top: Record<string, unknown> = { ...data };
  if (Array.isArray(data.parts) && data.parts.length > 0) top.parts = [placeholderPart];
  if (Array.isArray(data.attachments)) top.attachments = [];
  run(v.report, top, '');
  listOf('parts', v.part);
  listOf('attachments', v.attachment);
  return { errors, complete };
}
