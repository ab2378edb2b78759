// Memo stamps are compared with === on every line of every keystroke. A stamp built afresh each
// time (a joined list of names) is a new string object, and === between two equal but distinct
// strings compares them character by character, per line. Interned, equal stamps are one object
// and === is a pointer comparison.

const recent = new Map<string, string>();
const MAX = 64;

/** The one string object for `s` among those interned lately. */
export function intern(s: string): string {
  const known = recent.get(s);
  if (known !== undefined) return known;
  if (recent.size >= MAX) recent.clear();
  recent.set(s, s);
  return s;
}
