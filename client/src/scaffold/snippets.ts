// The snippets in snippets/postmortem.code-snippets, generated from the built-in templates with
// the same parts New Postmortem renders (scripts/contributions.ts writes the file; a test fails when
// it is stale). Known values become tab stops with defaults from VS Code's snippet variables.
import type { Template } from '../../../server/src/core/templates/types';
import { postmortemParts, sectionParts, skeletonParts, startingSections, type Part, type Slot } from './parts';
import { SEVERITIES } from './severity';
import { slugify } from './file-name';

export interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Tab-stop order: what the author decides first gets the first stop, whatever the layout. */
const SLOT_ORDER: readonly Slot[] = ['title', 'severity', 'startTime', 'clock', 'zone'];

/**
 * Local wall clock plus its offset is the only honest "now" a snippet can write: VS Code has no
 * UTC variants of $CURRENT_HOUR.
 */
const NOW_DATE = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';
const NOW_CLOCK = '$CURRENT_HOUR:$CURRENT_MINUTE';
const NOW_ZONE = 'UTC$CURRENT_TIMEZONE_OFFSET';

const escapeText = (s: string) => s.replace(/[\\$}]/g, '\\$&');
const escapeChoice = (s: string) => s.replace(/[\\$}|,]/g, '\\$&');

function slotSnippet(slot: Slot, n: number, first: boolean): string {
  if (!first) return `$${n}`;
  switch (slot) {
    case 'title':
      return `\${${n}:Incident title}`;
    case 'severity':
      return `\${${n}|${SEVERITIES.map((s) => escapeChoice(s.id)).join(',')}|}`;
    case 'startTime':
      return `\${${n}:${NOW_DATE} ${NOW_CLOCK}}`;
    case 'zone':
      return `\${${n}:${NOW_ZONE}}`;
    case 'clock':
      return `\${${n}:${NOW_CLOCK}}`;
  }
}

/** "{{mitigate / prevent}}" offers its alternatives as a choice. */
function blankSnippet(label: string, n: number): string {
  const options = label.split(/\s+\/\s+/).filter(Boolean);
  return options.length > 1 ? `\${${n}|${options.map(escapeChoice).join(',')}|}` : `\${${n}:${escapeText(label)}}`;
}

export function snippetBody(parts: readonly Part[]): string {
  const used = SLOT_ORDER.filter((s) => parts.some((p) => p.kind === 'slot' && p.slot === s));
  const stopOf = new Map(used.map((s, i) => [s, i + 1]));
  let next = used.length + 1;
  const seen = new Set<Slot>();
  let body = '';
  for (const part of parts) {
    if (part.kind === 'text') body += escapeText(part.text);
    else if (part.kind === 'slot') {
      body += slotSnippet(part.slot, stopOf.get(part.slot)!, !seen.has(part.slot));
      seen.add(part.slot);
    } else body += blankSnippet(part.label, next++);
  }
  return body;
}

const lines = (body: string) => body.split('\n');
const listed = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join(''));

/**
 * One snippet per distinct section. A section a template gives no skeleton joins one with the
 * same title that has one (Generic's "Resolution" is Issue Summary's); prefixes are by title, with
 * the template's id only where different sections share a title (two kinds of "Action Items").
 */
function sectionSnippets(templates: readonly Template[]): Record<string, Snippet> {
  const groups: { slug: string; title: string; body: string; templates: Template[] }[] = [];
  const sections = templates.flatMap((t) => t.sections.map((s) => ({ t, s, fleshed: (s.skeleton ?? '').trim() !== '' || (s.fields ?? []).length > 0 })));
  // Fleshed-out sections first, so the bare ones have something to join.
  for (const { t, s, fleshed } of [...sections.filter((x) => x.fleshed), ...sections.filter((x) => !x.fleshed)]) {
    const slug = slugify(s.title);
    const body = snippetBody(sectionParts(s));
    const group = groups.find((g) => g.body === body) ?? (fleshed ? undefined : groups.find((g) => g.slug === slug));
    if (group) group.templates.push(t);
    else groups.push({ slug, title: s.title, body, templates: [t] });
  }
  const out: Record<string, Snippet> = {};
  for (const g of groups) {
    const clash = groups.filter((o) => o.slug === g.slug).length > 1;
    const owner = g.templates[0]!;
    const names = templates.filter((t) => g.templates.includes(t)).map((t) => t.name);
    out[`Postmortem section: ${g.title}${clash ? ` (${owner.name})` : ''}`] = {
      prefix: `pm-section-${g.slug}${clash ? `-${owner.id}` : ''}`,
      description: `The "${g.title}" section of the ${listed(names)} template${names.length > 1 ? 's' : ''}.`,
      body: lines(g.body),
    };
  }
  return out;
}

const ENTRY_SKELETON = '- **{{HH:MM}} {{zone}}:** ';
const ACTION_SKELETON = '- [ ] {{action}} (owner: {{owner}}, due: {{YYYY-MM-DD}})';

export function buildSnippets(templates: readonly Template[]): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const t of templates) {
    out[`Postmortem: ${t.name}`] = {
      prefix: `postmortem-${t.id}`,
      description: `A new postmortem in the ${t.name} format: ${startingSections(t).map((s) => s.title).join(', ')}.`,
      body: lines(snippetBody(postmortemParts(t))),
    };
  }
  out['Postmortem timeline entry'] = {
    prefix: 'pm-entry',
    description: 'A timeline entry stamped with the current local time and its UTC offset.',
    body: [snippetBody(skeletonParts(ENTRY_SKELETON)) + '$0'],
  };
  out['Postmortem action item'] = {
    prefix: 'pm-action',
    description: 'An action item with an owner and a due date.',
    body: [snippetBody(skeletonParts(ACTION_SKELETON))],
  };
  return { ...out, ...sectionSnippets(templates) };
}

/** The file's text: stable key order and a trailing newline, so regeneration diffs cleanly. */
export function snippetsFileText(templates: readonly Template[]): string {
  return JSON.stringify(buildSnippets(templates), null, 2) + '\n';
}
