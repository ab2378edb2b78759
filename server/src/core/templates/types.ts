// Mirrors schemas/template.schema.json (the schema is the source of truth; test/core/schemas.test.ts keeps them in step).

export type MarkerKind = 'start' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved';

export interface TemplateSection {
  id: string;
  title: string;
  aliases?: string[];
  /** Titles of parts that stand for the section on their own ("What went well"); see the schema. */
  parts?: string[];
  required?: boolean;
  fields?: string[];
  skeleton?: string;
}

export interface Template {
  id: string;
  name: string;
  description?: string;
  sections: TemplateSection[];
  markers?: Partial<Record<MarkerKind, string[]>>;
}
