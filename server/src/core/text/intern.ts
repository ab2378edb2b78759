// Equal values made many times can be one shared object: memo stamps compared with === on every
// line of every keystroke (a stamp built afresh is a new string, and === between two equal but
// distinct strings compares them character by character, per line), and the time zones and clock
// times every timeline entry holds (one object apiece was several MB of a 5 MB postmortem's model).

/**
 * Shared values by key, at most `max` of them: when full the table starts again, so a generated
 * text cannot grow it without bound. Values are frozen when kept: they are shared, so nothing may
 * change them.
 */
export class SharedValues<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly max: number) {}

  /** The value kept for `key`, else `value`, kept from now on. */
  share(key: K, value: V): V {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    if (this.values.size >= this.max) this.values.clear();
    this.values.set(key, Object.freeze(value));
    return value;
  }
}

const recent = new SharedValues<string, string>(64);

/** The one string object for `s` among those interned lately. */
export function intern(s: string): string {
  return recent.share(s, s);
}
