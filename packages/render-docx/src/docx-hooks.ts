import { NextAttributeComponent, XmlComponent, isXmlComponent, type IContext, type IXmlableObject } from 'docx';

/*
 * Two of docx's methods that every element of a document goes through, written as loops. They
 * give the objects docx's own give, key for key and in the same order (test/docx-hooks.test.ts
 * compares them on the installed docx version), so the XML is the same; they were about a fifth
 * of writing a DOCX: docx builds each element's attributes by spreading the object built so far
 * into a new one per attribute, and each element's children by `flatMap` and `filter`.
 */

type Prepared = IXmlableObject | string | undefined;
interface Component {
  prepForXml(context: IContext): Prepared;
  readonly writtenAs?: readonly Component[];
}
interface Element {
  readonly rootKey: string;
  readonly root: readonly unknown[];
}
interface Attributed {
  readonly root: Record<string, { key: string; value: unknown }>;
}

/** docx's own methods, kept for the test that compares them. */
export const docxOwn = {
  elementPrepForXml: XmlComponent.prototype.prepForXml,
  attributesPrepForXml: NextAttributeComponent.prototype.prepForXml,
};

const emptyObject = Object.seal({});

/** XmlComponent#prepForXml: the element's prepared children, one level flattened, without `undefined`s. */
function elementPrepForXml(this: Element, context: IContext): IXmlableObject {
  context.stack.push(this as never);
  const children: unknown[] = [];
  const take = (out: unknown) => {
    if (Array.isArray(out)) {
      for (const item of out) if (item !== undefined) children.push(item);
    } else if (out !== undefined) children.push(out);
  };
  for (const comp of this.root) {
    if (!isXmlComponent(comp)) take(comp);
    else {
      const parts = (comp as Component).writtenAs;
      if (!parts) take((comp as Component).prepForXml(context));
      else for (const part of parts) {
        // flatMap flattens the list of the parts' results, not a result itself.
        const out = part.prepForXml(context);
        if (out !== undefined) children.push(out);
      }
    }
  }
  context.stack.pop();
  const only = children.length === 1 ? (children[0] as { _attr?: unknown } | null) : undefined;
  return { [this.rootKey]: children.length ? (only?._attr ? only : children) : emptyObject } as IXmlableObject;
}

/** NextAttributeComponent#prepForXml: the attributes with a value, the last of a repeated key winning at the first's place. */
function attributesPrepForXml(this: Attributed): IXmlableObject {
  const attrs: Record<string, unknown> = {};
  for (const { key, value } of Object.values(this.root)) if (value !== undefined) attrs[key] = value;
  return { _attr: attrs } as IXmlableObject;
}

let installed = false;

/** Puts the loops in place of docx's methods, once per process. */
export function installDocxHooks(): void {
  if (installed) return;
  installed = true;
  XmlComponent.prototype.prepForXml = elementPrepForXml as typeof XmlComponent.prototype.prepForXml;
  NextAttributeComponent.prototype.prepForXml = attributesPrepForXml as typeof NextAttributeComponent.prototype.prepForXml;
}
