// In-text silencing: `<!-- postmortem-disable-next-line RULE... -->` for the next line,
// `<!-- postmortem-disable RULE... -->` (or `postmortem-disable-file`) for the whole file.
import type { LineIndex } from './text/line-index';
import type { Finding } from './types';

const PREFIX = '<!-- postmortem-disable';

interface Suppressions {
  /** Rule ids silenced for the whole file ('*' for all). */
  file: Set<string>;
  /** 1-based line -> rule ids silenced there ('*' for all). */
  lines: Map<number, Set<string>>;
}

function readSuppressions(text: string, index: LineIndex): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  let at = text.indexOf(PREFIX);
  while (at !== -1) {
    const close = text.indexOf('-->', at);
    if (close === -1) break;
    const body = text.slice(at + PREFIX.length, Math.min(close, at + 2000)).trim();
    const nextLine = body.startsWith('-next-line');
    const rest = nextLine ? body.slice('-next-line'.length) : body.startsWith('-file') ? body.slice('-file'.length) : body;
    const ids = rest.split(/[\s,]+/).filter((s) => s.length > 0);
    const set = ids.length > 0 ? ids : ['*'];
    if (nextLine) {
      // The next line that has something on it.
      let line = index.position(close).line + 1;
      while (line <= index.lineCount && index.lineText(line).trim() === '') line++;
      const existing = result.lines.get(line) ?? new Set<string>();
      for (const id of set) existing.add(id);
      result.lines.set(line, existing);
    } else for (const id of set) result.file.add(id);
    at = text.indexOf(PREFIX, close);
  }
  return result;
}

/** `lineIndex` is asked for only when the text has a suppression comment (it costs a pass over the text). */
export function applySuppressions(findings: Finding[], text: string, lineIndex: () => LineIndex): Finding[] {
  if (!text.includes(PREFIX)) return findings;
  const index = lineIndex();
  const s = readSuppressions(text, index);
  return findings.filter((f) => {
    if (s.file.has('*') || s.file.has(f.ruleId)) return false;
    const ids = s.lines.get(index.position(f.range.start).line);
    return !(ids && (ids.has('*') || ids.has(f.ruleId)));
  });
}
