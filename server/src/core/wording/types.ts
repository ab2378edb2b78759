// Mirrors schemas/wording.schema.json (the schema is the source of truth; test/core/wording.test.ts
// validates the built-in list against it).

export type Requirement = 'person-subject' | 'participle-after';

export interface Phrase {
  id: string;
  match: string[];
  message: string;
  replacement?: string;
  requires?: Requirement[];
  unlessAfter?: string[];
  unlessBefore?: string[];
}

export interface WordingLists {
  description?: string;
  phrases: Phrase[];
  personWords?: string[];
  teamHandles?: string[];
  participles?: string[];
}
