// Offsets that fall inside one character as a person sees it (between the halves of a surrogate
// pair, or between the CR and LF of one line break) cannot be shown by an editor and make slices
// with half a character. Ranges computed from other tools' positions are moved off them.

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/** `offset`, or the nearest offset before (`back`) or after (`forward`) it that splits nothing. */
export function snapOffset(text: string, offset: number, direction: 'back' | 'forward'): number {
  if (!splitsPair(text, offset)) return offset;
  return direction === 'back' ? offset - 1 : offset + 1;
}
