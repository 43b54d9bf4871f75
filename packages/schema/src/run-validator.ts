import type { ErrorObject } from 'ajv/dist/2020.js';
import * as generated from './validators.generated.js';

/** A validation function AJV generated: true when valid, else the problems in `errors`. */
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

// Compiled from report.schema.json at build time (scripts/generate-validators.mjs).
const v = generated as unknown as { report: ValidateFunction; part: ValidateFunction; attachment: ValidateFunction; block: ValidateFunction };

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
