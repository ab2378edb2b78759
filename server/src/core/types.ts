// The engine's public vocabulary. Offsets are UTF-16 code-unit indexes into the analysed text
// (what JavaScript strings and LSP positions count); lines and columns shown to people are 1-based.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Half-open span [start, end) of UTF-16 offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/** Replace [start, end) with newText. Fixes are data: the server, the CLI and tests apply them alike. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `lint --fix` and "Fix all"; unsafe ones only on request. */
  safe: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: TextRange;
  fixes?: Fix[];
  data?: Record<string, unknown>;
}

/** 1-based line and column (column counts UTF-16 code units, as VS Code shows them). */
export interface LineColumn {
  line: number;
  column: number;
}
