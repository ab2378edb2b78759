// Quoting moments back to the author in their own notation.
import type { Moment, PostmortemModel } from '../../model/types';
import { formatClock } from '../../time';
import { quote } from './describe';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The time in the author's style ("14:00 UTC", "2:30 PM"), with the date only when `other` is on
 * another day, so "13:20 → 13:30" stays short and "Nov 10 20:00 → Nov 11 02:00" stays clear.
 */
export function momentText(model: PostmortemModel, m: Moment, other?: Moment, withZone = true): string {
  const t = m.mention.time;
  if (!t) return quote(model, m.range);
  let s = formatClock(t, t.meridiem ? '12h' : '24h');
  const d = m.mention.date;
  const od = other?.mention.date;
  if (d && od && (d.day !== od.day || d.month !== od.month || d.year !== od.year)) s = `${MONTHS[d.month - 1]} ${d.day} ${s}`;
  if (m.mention.zone && withZone) s += ` ${m.mention.zone.text}`;
  return s;
}
