// Is this document a postmortem? Ordinary Markdown must get no findings at all.
import { globSource } from '../text/glob';
import { normalizeTitle } from '../text/plain';
import type { Detection, FrontMatter } from './types';

export interface DetectionInput {
  path?: string;
  frontMatter?: FrontMatter;
  title?: string;
  /** The first lines' text, one per line, for "Incident report for ..." written without a heading. */
  opening: string;
  /** Distinct canonical section ids found, with the best template. */
  sectionIds: ReadonlySet<string>;
  /** Globs (already compiled) for files that are postmortems by name. */
  pathPatterns: readonly RegExp[];
}

const POSTMORTEM_TYPES = new Set(['postmortem', 'post-mortem', 'incident', 'incident-report', 'incident report', 'rca', 'outage']);
const TITLE_WORDS = /\b(post?[- ]?mortem|incident (report|review|analysis|retrospective|debrief)|outage (report|review)|root cause analysis|rca|post[- ]incident (report|review|debrief)|service disruption report|incident postmortem)\b|^summary of the .{0,120}\b(event|disruption|outage|incident|interruption)\b/;
/** TITLE_WORDS at the start of a line, after an article or an adjective at most. */
const OPENING_WORDS = /^\s*(?:(?:an?|the|our|this|public|full|final|detailed|brief)\s+)?\b(post?[- ]?mortem|incident (report|review|analysis|retrospective)|outage (report|review)|root cause analysis|rca|post[- ]incident (report|review)|service disruption report|incident postmortem)\b/;
/** Words that make a title about an incident, weaker than naming a postmortem. */
const INCIDENT_WORDS = /\b(outage|incident|downtime|disruption|degradation|degraded|failures?|failing|failed|broken|errors|unavailable|interruption|stall|attack|breach|down|debrief)\b/;
/** Sections only a postmortem has; "Summary" alone is in every kind of document. */
const TELLING = new Set(['timeline', 'root-cause', 'trigger', 'corrective-actions', 'lessons-learned', 'detection', 'impact']);

export function detectPostmortem(input: DetectionInput): Detection {
  const fm = input.frontMatter?.data;
  const declared = fm?.['type'] ?? fm?.['kind'] ?? fm?.['category'];
  if (typeof declared === 'string') {
    const t = declared.trim().toLowerCase();
    if (POSTMORTEM_TYPES.has(t)) return { isPostmortem: true, reason: `front matter says type: ${declared}` };
    return { isPostmortem: false, reason: `front matter says type: ${declared}` };
  }
  if (fm?.['postmortem'] === false) return { isPostmortem: false, reason: 'front matter says postmortem: false' };
  if (fm?.['postmortem'] === true) return { isPostmortem: true, reason: 'front matter says postmortem: true' };
  if (input.path) {
    const path = input.path.replace(/\\/g, '/');
    if (input.pathPatterns.some((p) => p.test(path))) return { isPostmortem: true, reason: 'file name or folder marks a postmortem' };
  }
  const title = input.title ? normalizeTitle(input.title) : '';
  if (title && TITLE_WORDS.test(title)) return { isPostmortem: true, reason: `title "${input.title}" names a postmortem` };
  const telling = [...input.sectionIds].filter((id) => TELLING.has(id));
  if (telling.length >= 2 || (telling.length >= 1 && input.sectionIds.size >= 3)) {
    return { isPostmortem: true, reason: `it has postmortem sections (${[...input.sectionIds].join(', ')})` };
  }
  // A line that opens with it ("Incident report for Heroku", "Post-mortem: ..."), not one that
  // mentions it ("Open any file to see what the Postmortem extension checks" in a README).
  if (input.opening.slice(0, 400).split('\n').some((line) => OPENING_WORDS.test(normalizeTitle(line)))) {
    return { isPostmortem: true, reason: 'its opening lines name a postmortem' };
  }
  if (telling.length >= 1 && INCIDENT_WORDS.test(title)) return { isPostmortem: true, reason: `title "${input.title}" names an incident and it has a ${telling[0]} section` };
  return { isPostmortem: false, reason: 'no front matter, file name, title or sections mark it as a postmortem' };
}

/** A glob over "/" paths; one without a folder part matches at any depth, as .gitignore does. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`(?:^|/)${globSource(glob)}$`, 'i');
}

export const DEFAULT_POSTMORTEM_GLOBS = ['*postmortem*.md', '*post-mortem*.md', '*incident-report*.md', 'postmortems/**/*.md', 'post-mortems/**/*.md', 'incidents/**/*.md'];
