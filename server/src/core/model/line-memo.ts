// What the engine remembers about one line of a parsed block, from one version of the document to
// the next. A block is reused only when its text is unchanged, so a line's text never changes while
// its memo lives: a fact read from the line's own text stays true, and only facts that depend on
// something else (the template, the word lists, the comment state coming in) carry a stamp.
//
// One object of a fixed shape per line (every slot present from the start): a Map per line made
// each lookup a walk through a separate hash table, which was a large part of a keystroke at 5 MB.

export interface Remembered<T = unknown> {
  /** What else the value depends on (compared with ===), or the input it was computed from. */
  stamp: unknown;
  value: T;
}

export interface LineMemo {
  /** A label such as "**Root cause:**" (model/sections.ts): offsets relative to the line. */
  label: unknown;
  /** A "Key: value" field (model/fields.ts): offsets relative to the line. */
  field: unknown;
  /** Heading title without markup (model/sections.ts). */
  title: unknown;
  /** Leading timestamps of the content and the first three table cells (model/timeline.ts). */
  lead0: unknown;
  lead1: unknown;
  lead2: unknown;
  lead3: unknown;
  unreadable: Remembered | undefined;
  /** The timeline entry of the previous version, with its text and markers (model/timeline.ts). */
  entry: unknown;
  /** The ProseLine of the previous version, with the line's masked prose (rules/shared/prose.ts). */
  proseLine: unknown;
  /** The PlacedEntry of the line's timeline entry (rules/shared/timeline-placement.ts). */
  placed: unknown;
}

export function newLineMemo(): LineMemo {
  return {
    label: undefined,
    field: undefined,
    title: undefined,
    lead0: undefined,
    lead1: undefined,
    lead2: undefined,
    lead3: undefined,
    unreadable: undefined,
    entry: undefined,
    proseLine: undefined,
    placed: undefined,
  };
}

/** Slots holding a value computed from the line's text, with a stamp. */
export type RememberedSlot = { [K in keyof LineMemo]: LineMemo[K] extends Remembered | undefined ? K : never }[keyof LineMemo];
