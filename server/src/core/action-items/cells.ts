// A table cell as a reader sees it. The parser's cell ranges include the pipe before the cell
// (and the last one the closing pipe); here a cell is its content without pipes and spaces.
import type { TextRange } from '../types';

export interface Cell {
  /** The content, trimmed. */
  text: string;
  /** The trimmed content; for an empty cell, the space between its pipes. */
  range: TextRange;
}

export function cellOf(text: string, range: TextRange): Cell {
  let start = range.start;
  let end = range.end;
  if (text[start] === '|') start++;
  if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
  const inner = { start, end };
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { text: text.slice(start, end), range: { start, end } } : { text: '', range: inner };
}
