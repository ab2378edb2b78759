// What an action item says about itself: owner, due date, ticket and status, read from its text
// ("@alice", "Owner: Alice", "(owner: Alice)", "due: 2024-07-01", "by June 3", "ABC-123", "#123",
// a link) or from the columns of its table row. Every search is bounded, so hostile text stays linear.
import { findTimeMentions } from '../time';
import type { CalendarDate } from '../time/types';
import type { TextRange } from '../types';

export interface Part<T> {
  value: T;
  /** Document offsets of the part as written. */
  range: TextRange;
}


export interface ItemParts {
  owner?: Part<string>;
  /** A calendar date, or a deadline named without one ("end of sprint 14", "next release"). */
  due?: Part<CalendarDate | string>;
  ticket?: Part<string>;
  /** Done (true), said to be open (false: "— In progress"), or not said. */
  done?: boolean;
}

/** Words that introduce an owner: "Owner: Alice", "assigned to @bob", "(DRI: Carol)". */
const OWNER_KEY = /\b(?:owners?|assignees?|assigned to|owned by|responsible|dri|poc|verantwortlich|zuständig|responsable|responsabile|respons[áa]vel|eigenaar)\b\s*[:=]?\s*/giu;
/**
 * A due-date key, with its colon and any bold or italic markers around it ("**Due:** 2026-10-09").
 * "bis 30.06.2026" is German for "by", kept in English documents written by German speakers, as
 * are the keys of teams writing in German, French, Spanish, Italian or Portuguese ("fällig:
 * 16.02.2024", "Échéance : 30/06/2025", "plazo:", "scadenza:", "prazo:"). A date must follow any
 * key at once (dueIn).
 */
const DUE_KEY = /(?:\b(?:due(?: date)?(?: on| by)?|deadline|eta|target(?: date)?|by|before|until|till|no later than|bis|fällig(?: am| bis)?|frist|fecha límite|plazo|scadenza|prazo|date limite)|(?<![\wÀ-ɏ])[ée]ch[ée]ance)\b(?:[*_]{1,3})?\s*[:=]?(?:[*_]{1,3})?\s*(?:(?:the )?end of (?:the )?)?/gi;
/** "caused by", "reported by": "by" after these names who or what, not a deadline. */
const BY_AFTER_VERB = /\b(?!(?:scheduled|planned|expected|targeted|completed|finished|done|fixed|resolved|shipped|delivered)\b)\w+ed\s+$/i;
/** Upper-case words before a dash and digits that are not tickets: SEV-1, UTF-8, CVE-2021-1234. */
const NOT_TICKETS = new Set(['SEV', 'UTF', 'ISO', 'SHA', 'AES', 'RFC', 'CVE', 'TLS', 'HTTP', 'COVID', 'IPV', 'MP', 'PEP', 'EIP', 'ERC', 'BIP', 'GPT', 'RAID', 'DDR', 'PCIE', 'USB', 'CPU', 'GPU', 'AZ', 'WAN', 'LAN']);
const STOP = /[,;)\]|]|\s(?:due|by|eta|deadline|before)\b|\s[-–—]\s/i;

/** The owner, due date and ticket in a line of text. `masked` hides code and URLs; `withUrls` hides only code. */
export function partsFromText(masked: string, withUrls: string, offset: number): ItemParts {
  const parts: ItemParts = {};
  const owner = ownerIn(masked);
  if (owner) parts.owner = { value: owner.value, range: { start: offset + owner.start, end: offset + owner.end } };
  const due = dueIn(masked);
  if (due) parts.due = { value: due.value, range: { start: offset + due.start, end: offset + due.end } };
  const ticket = ticketIn(masked, withUrls);
  if (ticket) parts.ticket = { value: ticket.value, range: { start: offset + ticket.start, end: offset + ticket.end } };
  if (/(?:^|[\s([])(?:DONE|Done|done)[)\]]|\(completed\)|^(?:DONE|Done)\b|[✅✔☑]|^~~.*~~$/.test(masked.trim())) parts.done = true;
  // "... — Due 4 Sep 2026 — In progress": a status written last, after a dash or in brackets.
  else {
    const said = statusWrittenLast(masked);
    if (said !== undefined) parts.done = said;
  }
  return parts;
}

/** A status written last, after a dash or in brackets ("… — Due 4 Sep 2026 — In progress"), read as a Status cell is. */
function statusWrittenLast(text: string): boolean | undefined {
  let end = text.trimEnd().length;
  while (end > 0 && (text[end - 1] === ')' || text[end - 1] === '.')) end--;
  const t = text.slice(0, end);
  const dash = t.lastIndexOf(' - ');
  const cut = Math.max(t.lastIndexOf('—'), t.lastIndexOf('–'), t.lastIndexOf('|'), t.lastIndexOf('('), dash >= 0 ? dash + 2 : -1);
  if (cut < 0) return undefined;
  const last = t.slice(cut + 1).trim().replace(/^status:? */i, '');
  if (!/^\p{L}[\p{L} -]{0,30}$/u.test(last) || last.split(' ').length > 3) return undefined;
  return statusOf(last);
}

interface Found<T> {
  value: T;
  start: number;
  end: number;
}

/** "(Sam, due 2026-12-04)", "(Web Platform team; ETA Q3)": a name first in the brackets that give the date. */
const BRACKETED_OWNER = /\(([^(),;@]{1,60})[,;] ?(?:due|by|eta|deadline|target)\b/i;
/** A person's name (capitalised words) or a team ("Web Platform team", "SRE on-call"). */
const NAME_OR_TEAM = /^(?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|&|and|of))*(?:\s+(?:team|squad|group|guild|on-?call|rota|rotation))?$/u;

/** Capitalised words in those brackets that say something else about the item: "(High, due May 3)". */
const NOT_OWNER_WORDS = /^(?:optional|critical|high|medium|low|urgent|important|required|stretch|blocked|open|done|pending|closed|in progress|mitigat\w*|prevent\w*|process|detection|repair|investigat\w*|short[- ]term|long[- ]term|p[0-4]|priority\b.*|sev\w*)$/i;

function ownerIn(s: string): Found<string> | undefined {
  OWNER_KEY.lastIndex = 0;
  for (let m = OWNER_KEY.exec(s); m; m = OWNER_KEY.exec(s)) {
    // "owner of the service" is prose; a key needs a colon or "by"/"to".
    if (!/[:=]|by|to/i.test(m[0])) continue;
    const start = m.index + m[0].length;
    const rest = s.slice(start, start + 60);
    const stop = rest.search(STOP);
    const value = (stop === -1 ? rest : rest.slice(0, stop)).replace(/[*_]+$/, '').trim();
    if (value && /[\p{L}@]/u.test(value[0]!)) return { value, start, end: start + value.length };
  }
  const bracketed = BRACKETED_OWNER.exec(s);
  const named = bracketed?.[1]!.trim();
  if (bracketed && named && NAME_OR_TEAM.test(named) && !NOT_OWNER_WORDS.test(named)) {
    const start = bracketed.index + 1 + bracketed[1]!.indexOf(named);
    return { value: named, start, end: start + named.length };
  }
  const mention = /(?:^|[\s([,])@([A-Za-z0-9][\w.-]{0,38}[\w])/.exec(s);
  if (mention) {
    const start = mention.index + mention[0].indexOf('@');
    return { value: '@' + mention[1]!, start, end: start + 1 + mention[1]!.length };
  }
  return dashedOwner(s);
}

/**
 * "Alert on 401s — Jess — by Dec 27", "Add backoff – Platform team": a name or team alone between
 * dashes after the task. A product named there ("— PagerDuty") is read as an owner too, which
 * only keeps a finding back; statuses and priorities ("— Done", "— High") are not names.
 */
function dashedOwner(s: string): Found<string> | undefined {
  const separator = / [–—] | - /g;
  const cuts: number[] = [];
  for (let m = separator.exec(s); m && cuts.length < 8; m = separator.exec(s)) cuts.push(m.index, m.index + m[0].length);
  // Segments after the first dash: [start of segment, end of segment).
  for (let i = 1; i < cuts.length; i += 2) {
    const start = cuts[i]!;
    const end = i + 1 < cuts.length ? cuts[i + 1]! : s.length;
    const segment = s.slice(start, end);
    if (segment.length > 45) continue;
    // "— Anna (CS lead) —": the role in brackets after the name is not part of it.
    const named = segment.replace(/[.;,]+$/, '').replace(/\([^()]{0,30}\)$/, '').trim();
    if (named.split(' ').length > 4) continue;
    if (!NAME_OR_TEAM.test(named) || NOT_OWNER_WORDS.test(named) || statusOf(named) !== undefined) continue;
    // "— Due Friday", "— By March 3": a deadline, not a name.
    if (/^(?:due|by|before|until|eta|deadline|target)\b/i.test(named) || findTimeMentions(named).length > 0) continue;
    const at = start + segment.indexOf(named);
    return { value: named, start: at, end: at + named.length };
  }
  return undefined;
}

/**
 * A deadline the team's calendar knows but a date parser cannot: "sprint 14", "the next release",
 * "EOQ". After "by" or "before" it needs a qualifier or a number ("by next sprint", "before
 * sprint 15"), since "by release managers" is not a deadline.
 */
const NAMED_DEADLINE = /^(?:the\s+)?(?:(this|next|current|following|upcoming)\s+)?(sprint|release|milestone|iteration|quarter|month|week|cycle|half|fiscal year|year|planning|PI)\b(\s*#?\d{1,4}\b)?|^(?:EO[DWMQY]|H[12](?:\s*'?\d{4})?|FY\s*'?\d{2,4}(?:\s*Q[1-4])?)\b/i;

function namedDeadline(s: string, key: string): Found<string> | undefined {
  const m = NAMED_DEADLINE.exec(s);
  if (!m) return undefined;
  const endOf = /end of (?:the )?$/i.test(key);
  if (/^(?:by|before)\b/i.test(key) && !endOf && m[2] && !m[1] && !m[3]) return undefined;
  const value = (endOf ? 'end of ' : '') + m[0].trim();
  return { value, start: 0, end: m[0].trimEnd().length };
}

function dueIn(s: string): Found<CalendarDate | string> | undefined {
  DUE_KEY.lastIndex = 0;
  for (let m = DUE_KEY.exec(s); m; m = DUE_KEY.exec(s)) {
    if (/^by\b/i.test(m[0]) && BY_AFTER_VERB.test(s.slice(Math.max(0, m.index - 20), m.index))) continue;
    const start = m.index + m[0].length;
    const quarter = /^Q([1-4])(?:\s*(?:of\s*)?'?(\d{4}))?\b/i.exec(s.slice(start, start + 12));
    if (quarter) {
      const month = Number(quarter[1]) * 3;
      const value: CalendarDate = { month, day: month === 6 || month === 9 ? 30 : 31, ...(quarter[2] ? { year: Number(quarter[2]) } : {}) };
      return { value, start, end: start + quarter[0].length };
    }
    // The date must follow the keyword at once: "caused by the 2024-05-01 deploy" is no due date.
    const d = findTimeMentions(s.slice(start, start + 40)).find((t) => t.date && t.start <= 1);
    if (d?.date) return { value: d.date, start: start + d.start, end: start + d.end };
    const named = namedDeadline(s.slice(start, start + 40), m[0]);
    if (named) return { value: named.value, start, end: start + named.end };
  }
  return undefined;
}

function ticketIn(masked: string, withUrls: string): Found<string> | undefined {
  const link = /\]\((https?:\/\/[^\s)]{1,300})|(?:^|[\s<(])(https?:\/\/[^\s)>\]]{1,300})/.exec(withUrls);
  if (link && !(link[1] && isImage(withUrls, link.index))) {
    const url = link[1] ?? link[2]!;
    const start = withUrls.indexOf(url, link.index);
    return { value: url, start, end: start + url.length };
  }
  for (const m of masked.matchAll(/\b([A-Z][A-Z0-9]{1,9})-(\d{1,7})\b/g)) {
    if (NOT_TICKETS.has(m[1]!)) continue;
    return { value: m[0], start: m.index, end: m.index + m[0].length };
  }
  const hash = /(?:^|[\s([,])(#\d{1,7})\b/.exec(masked);
  if (hash) {
    const start = hash.index + hash[0].indexOf('#');
    return { value: hash[1]!, start, end: start + hash[1]!.length };
  }
  return undefined;
}

/** Is the `](` at `at` the end of an image's alt text? */
function isImage(s: string, at: number): boolean {
  const open = s.lastIndexOf('[', at);
  return open > 0 && s[open - 1] === '!';
}

export type Column = 'action' | 'owner' | 'due' | 'ticket' | 'status' | 'other';

/** What a table column holds, from its header. */
export function classifyColumn(header: string): Column {
  const h = header.toLowerCase().replace(/[*_`]/g, '');
  if (/\b(owner|owners|assignee|who|responsible|assigned|dri|poc|responsable|verantwortlich|zuständig|responsabile|respons[áa]vel|eigenaar)\b/.test(h)) return 'owner';
  if (/\b(due|deadline|eta|target|by when|when|fällig|frist|plazo|scadenza|prazo|date limite|fecha límite)\b|(?<![\wÀ-ɏ])[ée]ch[ée]ance/.test(h)) return 'due';
  if (/\b(ticket|bug|issue|link|tracking|jira|pr|tracker|reference)\b|#/.test(h)) return 'ticket';
  if (/\b(status|state|done|complete|completed|progress|statut|estado|stato)\b/.test(h)) return 'status';
  if (/\b(action|item|task|description|what|todo|follow|measure|remediation|step)\b/.test(h)) return 'action';
  return 'other';
}

/** A status cell: done, open, or undefined when it says neither. */
export function statusOf(cell: string): boolean | undefined {
  const s = cell.toLowerCase().trim();
  // A task box written in a cell: "[x]", "[ ]".
  if (/^\[[xX✓✔]\]/u.test(s)) return true;
  if (/^\[\s?\]/.test(s)) return false;
  if (/^(?:[✅✔☑x]|done|closed|complete|completed|fixed|resolved|finished|merged|shipped|yes)\b/u.test(s)) return true;
  if (/^(?:[❌☐]|open|todo|to do|in progress|in-progress|work in progress|wip|pending|not started|planned|blocked|no|backlog|ongoing|new|assigned|accepted|on hold|scheduled|in review)\b/u.test(s)) return false;
  // The same in French, German, Spanish, Italian and Portuguese ("Terminé", "En cours", "Erledigt").
  if (/^(?:terminé|fait|résolu|fermé|erledigt|abgeschlossen|hecho|completado|cerrado|resuelto|fatto|completato|chiuso|risolto|concluído|feito|fechado|resolvido)(?!\p{L})/u.test(s)) return true;
  if (/^(?:en cours|ouvert|à faire|offen|in bearbeitung|geplant|pendiente|en progreso|abierto|in corso|aperto|da fare|em andamento|aberto|pendente)(?!\p{L})/u.test(s)) return false;
  return undefined;
}

/** A due cell: a date, a quarter ("Q3 2024") or a named deadline ("Sprint 14"). */
export function dueOf(cell: string): Found<CalendarDate | string> | undefined {
  // As if written after "due": a quarter, a date at the start, or a named deadline.
  const keyed = dueIn(`due ${cell}`);
  if (keyed) return { ...keyed, start: keyed.start - 4, end: keyed.end - 4 };
  const d = findTimeMentions(cell.slice(0, 60)).find((t) => t.date);
  return d?.date ? { value: d.date, start: d.start, end: d.end } : undefined;
}

/** Cells that say "nothing here": "-", "n/a", "none", "?". */
export function isBlankValue(cell: string): boolean {
  return /^(?:|-+|–|—|n\/?a|none|null|nil|\?+|tbd|tba|unassigned|unknown)$/i.test(cell.trim());
}
