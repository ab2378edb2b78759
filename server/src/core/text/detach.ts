// V8 keeps a slice of a long string (13 characters or more) as a view on the whole string. A memo
// entry outlives the document version it was computed from (an untouched block is reused for
// hundreds of keystrokes), so a slice kept in it would keep that whole version alive: typing in a
// 5 MB document could pin one 10 MB copy per keystroke. Strings stored in such memos are copied
// out first; this costs one copy of a short string, only when the memo is filled.

export function detachString(s: string): string {
  // The concatenation is flattened into a new string by slice(); the result views that private
  // copy (one character longer), not the document.
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
