// The questions New Postmortem asks, one small function each. Every input box keeps its text when
// focus moves away (people look up the incident's details in another window) and validates as
// the user types; each returns undefined when the user cancels.
import * as vscode from 'vscode';
import type { Template } from '../../../server/src/core/templates/types';
import { checkZone, formatDateTime, parseDateTime, SEVERITIES, wallClock, type CheckedZone, type LocalDateTime } from '../scaffold';
import { refuse } from './shared';

/** The command's optional argument: answers given up front are not asked for. */
export interface NewPostmortemArgs {
  template?: string;
  title?: string;
  timeZone?: string;
  /** "YYYY-MM-DD HH:MM" in the zone. */
  start?: string;
  severity?: string;
  /** The workspace folder (name or URI) when several are open. */
  folder?: string;
  /** Open an untitled document even when a folder is open. */
  untitled?: boolean;
}

export async function pickTemplate(templates: readonly Template[], fromProject: ReadonlySet<string>): Promise<Template | undefined> {
  const items = templates.map((t) => ({
    label: t.name,
    description: fromProject.has(t.id) ? `${t.id} · .postmortemrc.json` : t.id,
    detail: t.description ?? t.sections.map((s) => s.title).join(' · '),
    template: t,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'New Postmortem (1/5): template', placeHolder: 'Which format?', matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return picked?.template;
}

/** `nameError` says why a title cannot make a file name (e.g. no letters for ${slug}). */
export async function askTitle(nameError: (title: string) => string | undefined): Promise<string | undefined> {
  const title = await vscode.window.showInputBox({
    title: 'New Postmortem (2/5): title',
    prompt: 'What the incident was, in a few words',
    placeHolder: 'e.g. Web app outage',
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (!value.trim()) return 'Enter a title.';
      if (value.length > 200) return 'Keep the title under 200 characters.';
      return nameError(value);
    },
  });
  return title?.trim();
}

export async function askZone(suggested: string): Promise<CheckedZone | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'New Postmortem (3/5): time zone',
    prompt: 'The zone the timeline is written in: an abbreviation (UTC, CET, PST) or an offset (+02:00, UTC-5)',
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const zone = checkZone(value);
      return typeof zone === 'string' ? zone : undefined;
    },
  });
  if (text === undefined) return undefined;
  const zone = checkZone(text);
  return typeof zone === 'string' ? undefined : zone;
}

export async function askStart(zone: CheckedZone, now: Date = new Date()): Promise<LocalDateTime | undefined> {
  // "Now" in the incident's zone; a zone without a known offset falls back to UTC's clock.
  const suggested = formatDateTime(wallClock(now, zone.offsetMinutes ?? 0));
  const text = await vscode.window.showInputBox({
    title: 'New Postmortem (4/5): start',
    prompt: `When the incident started, in ${zone.text} (YYYY-MM-DD HH:MM, 24-hour clock)`,
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parseDateTime(value);
      return typeof parsed === 'string' ? parsed : undefined;
    },
  });
  if (text === undefined) return undefined;
  const start = parseDateTime(text);
  return typeof start === 'string' ? undefined : start;
}

export async function pickSeverity(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    SEVERITIES.map((s) => ({ label: s.id, description: s.description })),
    { title: 'New Postmortem (5/5): severity', placeHolder: 'How bad was it?', ignoreFocusOut: true },
  );
  return picked?.label;
}

interface Answers {
  template: Template;
  title: string;
  zone: CheckedZone;
  start: LocalDateTime;
  severity: string;
}

/**
 * The five answers, from the arguments or by asking. `nameError` says why a title cannot make a
 * file name. Undefined when the user cancelled or an argument was refused (and said so).
 */
export async function collectAnswers(args: NewPostmortemArgs, templates: Template[], fromProject: Set<string>, suggestedZone: string, nameError: (title: string) => string | undefined): Promise<Answers | undefined> {
  const template = args.template !== undefined ? templates.find((t) => t.id === args.template) : await pickTemplate(templates, fromProject);
  if (!template) return args.template !== undefined ? refuse(`there is no template "${args.template}".`) : undefined;
  const title = args.title !== undefined ? args.title.trim() : await askTitle(nameError);
  if (!title) return args.title !== undefined ? refuse('the title is empty.') : undefined;
  const badName = nameError(title);
  if (badName) return refuse(badName);
  const zone = args.timeZone !== undefined ? checkZone(args.timeZone) : await askZone(suggestedZone);
  if (typeof zone === 'string') return refuse(zone);
  if (!zone) return undefined;
  const start = args.start !== undefined ? parseDateTime(args.start) : await askStart(zone);
  if (typeof start === 'string') return refuse(start);
  if (!start) return undefined;
  const severity = args.severity ?? (await pickSeverity());
  return severity ? { template, title, zone, start, severity } : undefined;
}
