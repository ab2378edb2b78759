// Postmortem: New Postmortem… Asks for template, title, time zone, start and severity, writes
// <workspace>/<postmortem.newFile.folder>/<postmortem.newFile.pattern> (never over an existing
// file, never outside the workspace folder) and opens it with the first blank selected.
// With no folder open it offers an untitled document instead, named by the pattern, so Save
// suggests the same name. Arguments (NewPostmortemArgs) skip the matching questions, for
// keybindings and tests.
import * as vscode from 'vscode';
import { BUILTIN_TEMPLATES } from '../../../server/src/core/templates/builtin';
import { describe } from '../language-client';
import { expandPattern, formatDate, mergeTemplates, newFilePath, preferredFirst, renderPostmortem, type CheckedPath, type RenderedPostmortem } from '../scaffold';
import { COMMANDS } from './ids';
import { collectAnswers, type NewPostmortemArgs } from './new-postmortem-prompts';
import { refuse } from './shared';
import { createNewFile, projectConfigFor } from './workspace-files';

function targetPath(folder: string, pattern: string, title: string, date: string): CheckedPath {
  const name = expandPattern(pattern, { title, date });
  return name.ok ? newFilePath(folder, name.name) : name;
}

/** A folder, undefined for "no folder: untitled", null when the user cancelled. */
async function targetFolder(args: NewPostmortemArgs): Promise<vscode.WorkspaceFolder | undefined | null> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (args.untitled) return undefined;
  if (folders.length === 0) {
    if (args.title !== undefined) return undefined;
    const choice = await vscode.window.showInformationMessage('No folder is open: the new postmortem will be an untitled document you save where you like.', 'Create Untitled', 'Open Folder…');
    if (choice === 'Open Folder…') void vscode.commands.executeCommand('workbench.action.files.openFolder');
    return choice === 'Create Untitled' ? undefined : null;
  }
  if (args.folder) {
    const named = folders.find((f) => f.name === args.folder || f.uri.toString() === args.folder);
    if (!named) refuse(`there is no workspace folder "${args.folder}".`);
    return named ?? null;
  }
  if (folders.length === 1) return folders[0]!;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder gets the new postmortem?', ignoreFocusOut: true })) ?? null;
}

async function showAt(doc: vscode.TextDocument, blank: RenderedPostmortem['firstBlank']): Promise<void> {
  const at = blank ? new vscode.Selection(doc.positionAt(blank.start), doc.positionAt(blank.end)) : new vscode.Selection(0, 0, 0, 0);
  const editor = await vscode.window.showTextDocument(doc, { selection: at });
  editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function openUntitled(rendered: RenderedPostmortem, name: string | undefined): Promise<vscode.Uri> {
  let doc = name ? await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: name })) : undefined;
  if (doc && doc.getText() === '') {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), rendered.text);
    await vscode.workspace.applyEdit(edit);
  } else {
    // An untitled document of that name is open already, with text of its own: leave it be.
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: rendered.text });
  }
  await showAt(doc, rendered.firstBlank);
  return doc.uri;
}

async function writeAndOpen(output: vscode.LogOutputChannel, folder: vscode.WorkspaceFolder, segments: string[], rendered: RenderedPostmortem): Promise<vscode.Uri | undefined> {
  const uri = vscode.Uri.joinPath(folder.uri, ...segments);
  const shown = segments.join('/');
  try {
    if ((await createNewFile(folder.uri, uri, new TextEncoder().encode(rendered.text))) === 'exists') {
      // Not awaited: the command is done (nothing written) whether or not anyone clicks.
      void vscode.window.showWarningMessage(`Postmortem: ${shown} already exists; nothing was written.`, 'Open It').then((open) => {
        if (open) void vscode.window.showTextDocument(uri);
      });
      return uri;
    }
  } catch (error) {
    output.error(`New Postmortem: writing ${shown} failed: ${describe(error)}`);
    return refuse(`could not write ${shown}: ${describe(error)}`);
  }
  output.info(`New Postmortem: wrote ${shown}.`);
  await showAt(await vscode.workspace.openTextDocument(uri), rendered.firstBlank);
  return uri;
}

async function newPostmortem(output: vscode.LogOutputChannel, args: NewPostmortemArgs): Promise<vscode.Uri | undefined> {
  const folder = await targetFolder(args);
  if (folder === null) return undefined;
  const settings = vscode.workspace.getConfiguration('postmortem', folder?.uri);
  const folderSetting = settings.get<string>('newFile.folder', 'postmortems');
  const pattern = settings.get<string>('newFile.pattern', '${date}-${slug}.md');
  // A bad folder or pattern setting is reported before any question is asked.
  const probe = targetPath(folderSetting, pattern, 'probe', '2000-01-01');
  if (!probe.ok && folder) return refuse(`${probe.error} (settings postmortem.newFile.folder and postmortem.newFile.pattern)`, 'postmortem.newFile');

  const project = folder && probe.ok ? await projectConfigFor(folder.uri, probe.segments.slice(0, -1)) : { templates: [], problems: [] };
  for (const problem of project.problems) output.warn(`New Postmortem: ${problem}`);
  if (project.problems.length) void vscode.window.showWarningMessage(`Postmortem: ${project.problems[0]} (left out of New Postmortem; details in the output).`);
  // As in the engine, the project file's defaults win over the settings.
  const templates = preferredFirst(mergeTemplates(BUILTIN_TEMPLATES, project.templates), project.defaultTemplate || settings.get<string>('defaultTemplate'));
  const nameError = (title: string) => {
    const path = targetPath(folderSetting, pattern, title, '2000-01-01');
    return folder && !path.ok ? path.error : undefined;
  };
  const a = await collectAnswers(args, templates, new Set(project.templates.map((t) => t.id)), project.timeZone || settings.get<string>('timeZone') || 'UTC', nameError);
  if (!a) return undefined;

  const rendered = renderPostmortem({ template: a.template, title: a.title, start: a.start, zone: a.zone.text, severity: a.severity });
  const path = targetPath(folderSetting, pattern, a.title, formatDate(a.start));
  if (!folder) return openUntitled(rendered, path.ok ? path.segments.at(-1) : undefined);
  return path.ok ? writeAndOpen(output, folder, path.segments, rendered) : refuse(path.error);
}

/** Arguments are data from whoever invoked the command (a keybinding, a link): only known string fields count. */
function argsFrom(raw: unknown): NewPostmortemArgs {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const r = raw as Record<string, unknown>;
  const args: NewPostmortemArgs = {};
  for (const key of ['template', 'title', 'timeZone', 'start', 'severity', 'folder'] as const) {
    if (typeof r[key] === 'string') args[key] = r[key] as string;
  }
  if (r['untitled'] === true) args.untitled = true;
  return args;
}

export function registerNewPostmortem(output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.newPostmortem, (raw?: unknown) => newPostmortem(output, argsFrom(raw)));
}
