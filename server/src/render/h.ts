// A tiny hast builder for the parts of the report our code draws (card, chart, tables). Building
// trees instead of strings leaves all escaping to the serializer, so no document text can break
// out of an attribute or element, however it is written.
import type { Element, ElementContent, Properties, Text } from 'hast';

export type Child = ElementContent | string | number | null | undefined | false | readonly Child[];

function flatten(children: readonly Child[], out: ElementContent[]): ElementContent[] {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) flatten(c as readonly Child[], out);
    else if (typeof c === 'string' || typeof c === 'number') out.push(text(String(c)));
    else out.push(c as ElementContent);
  }
  return out;
}

export type Props = Record<string, Properties[string] | false | readonly (string | number | false)[]>;

/** Drops undefined/false properties (and false class names) so optional ones can be written inline. */
function clean(properties: Props): Properties {
  const out: Properties = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === false || value === null) continue;
    out[key] = Array.isArray(value) ? (value as readonly (string | number | false)[]).filter((v): v is string | number => v !== false) : (value as Properties[string]);
  }
  return out;
}

/** `h('span', { className: ['x'] }, 'text')`; property names are hast's (className, dataLine, viewBox). */
export function h(tagName: string, properties: Props = {}, ...children: Child[]): Element {
  return { type: 'element', tagName, properties: clean(properties), children: flatten(children, []) };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/** Rounds chart coordinates so the markup stays short and tests can compare numbers exactly. */
export function px(n: number): number {
  return Math.round(n * 10) / 10;
}
