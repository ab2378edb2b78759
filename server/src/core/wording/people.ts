// Who the document names as people: its authors and owners (a Authors field, front matter, action
// item owners), so their names can be recognised in the root cause and the timeline. Without a
// list of people we never guess that a capitalised word is a name.
import type { PostmortemModel } from '../model/types';
import { detachString } from '../text/detach';

/** Capitalised words that can open a name list but are not names. */
const NOT_NAMES = new Set([
  'The', 'Team', 'Teams', 'Incident', 'Commander', 'On-call', 'Oncall', 'SRE', 'Ops', 'DevOps', 'Engineering', 'Support', 'Security', 'Platform', 'Infra', 'Unknown', 'None', 'TBD', 'N/A', 'Dr', 'Mr', 'Mrs', 'Ms',
  // A date beside an owner ("Priya, due 9th October"): "October" is not a person.
  ...'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Due Done Open Closed'.split(' '),
]);

/** Words that make an owner a team or a rota, whatever else it says. */
const TEAM_WORDS = /\b(?:teams?|eng|engineering|platform|infra|infrastructure|ops|devops|sre|support|security|services?|rotation|rota|on-?call|squad|group|crew|desk|department|dept|guild|tribe|reliability|operations|networking|network|observability|release|releng|qa|quality|product|data|comms|communications|marketing|legal|finance|success|identity|payments?|billing|search|mobile|web|backend|frontend|database|dba|storage|core|api|auth|checkout|growth|analytics|ml)\b/i;
/** Words that make an owner a role ("Change Manager", "Chief Internal Auditor"), not a person's name. */
const ROLE_WORDS = /\b(?:manager|lead|head|chief|director|officer|auditor|architect|engineers?|analyst|administrator|coordinator|owner|vp|cto|ceo|cfo|ciso|coo|president|committee|board|council|office|management)\b/i;

export interface KnownPeople {
  /** First names and full names as written ("Sally", "Sally Ride"). */
  names: Set<string>;
  /** First name -> the surnames it is known with: "Mario Vega" is not "Mario Havel". */
  surnames: Map<string, Set<string>>;
}

const cache = new WeakMap<PostmortemModel, KnownPeople>();

export function knownPeople(model: PostmortemModel): KnownPeople {
  let p = cache.get(model);
  if (!p) cache.set(model, (p = compute(model)));
  return p;
}

function compute(model: PostmortemModel): KnownPeople {
  const sources: string[] = [];
  for (const f of model.fields) if (f.key === 'authors') sources.push(f.value);
  const fm = model.frontMatter?.data ?? {};
  for (const key of ['authors', 'author', 'owner', 'owners', 'participants', 'responders', 'incident_commander', 'commander']) {
    const v = fm[key];
    if (typeof v === 'string') sources.push(v);
    // One by one, not push(...): a front-matter list of ~150k names would overflow the stack.
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') sources.push(x);
  }
  for (const item of model.actionItems) if (item.owner && !item.owner.startsWith('@')) sources.push(item.owner);
  const names = new Set<string>();
  const surnames = new Map<string, Set<string>>();
  for (const source of sources) {
    for (const words of namesIn(source)) {
      names.add(words[0]!);
      if (words.length > 1) {
        names.add(words.join(' '));
        const known = surnames.get(words[0]!) ?? new Set<string>();
        known.add(words[words.length - 1]!);
        surnames.set(words[0]!, known);
      }
    }
  }
  return { names, surnames };
}

/** Remembered reading of each source: a long postmortem repeats its owners thousands of times. */
const read = new Map<string, readonly (readonly string[])[]>();
/** Past this many different sources the memory starts afresh (a bound, not an eviction policy). */
const MAX_READ = 10_000;

/** The names a source writes, each as its words ("Sally Ride" -> ["Sally", "Ride"]). */
function namesIn(source: string): readonly (readonly string[])[] {
  let found = read.get(source);
  if (found) return found;
  // Read from a copy: the key and the words kept must not be slices that hold the document's text.
  const own = detachString(source);
  const list: string[][] = [];
  for (const part of own.slice(0, 500).split(/[,;&/()]|\band\b|\n/)) {
    // "Network Eng (D. Ivanova)", "Identity team": the team is not a person named "Network"; nor is
    // the role "Change Manager" a person named "Change".
    if (TEAM_WORDS.test(part) || ROLE_WORDS.test(part)) continue;
    // An acronym ("NOC", "SOC", "DBA") is a team or a desk, not a person's name.
    const words = part.replace(/[*_`]/g, '').trim().split(/\s+/).filter((w) => /^\p{Lu}[\p{L}'’-]+$/u.test(w) && !/^\p{Lu}+$/u.test(w));
    if (words.length === 0 || words.length > 4 || NOT_NAMES.has(words[0]!)) continue;
    list.push(words);
  }
  found = list;
  if (read.size >= MAX_READ) read.clear();
  read.set(own, found);
  return found;
}

/** `@alice` names a person; `@oncall`, `@sre-team`, `@org/team`, bots and status accounts do not. */
export function isPersonHandle(handle: string, teamHandles: ReadonlySet<string>): boolean {
  const h = handle.replace(/^@/, '').toLowerCase();
  if (!h || h.includes('/') || teamHandles.has(h)) return false;
  if (/(?:^|[-_.])(?:bots?|teams?|oncall|on-call|rota|rotation|primary|secondary|sre|ops|alerts?|incidents?|eng|admins|support|squad|group)$|bot$|\[bot\]$|oncall|on-call/.test(h)) return false;
  // A company's own accounts, written as one word: @StarfallStatus, @githubstatus, @AWSSupport.
  if (/(?:status|statuspage|updates|news|support|help|official|announcements?|notifications?)$/.test(h)) return false;
  return /^[a-z0-9][\w.-]*$/.test(h);
}
