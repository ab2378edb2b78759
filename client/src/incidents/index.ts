// The Incidents view with its title-bar commands (Sort By…, Refresh), and the context key that
// shows the view once the extension runs (package.json: views.explorer `when`).
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import type { PostmortemClient } from '../language-client';
import { ACTIVE_CONTEXT_KEY } from './ids';
import { isSortKey, SORTS, type SortKey } from './sort';
import { registerIncidentIndex, type IncidentIndexProvider } from './view';

/** Asks for the order, or takes it as the argument (a keybinding's `args`, or a test). */
async function chooseSort(provider: IncidentIndexProvider, arg: unknown): Promise<SortKey | undefined> {
  if (isSortKey(arg)) return arg;
  const current = provider.sort;
  const picked = await vscode.window.showQuickPick(
    SORTS.map((s) => ({ label: s.label, key: s.key, description: s.key === current ? 'current' : undefined })),
    { title: 'Sort Incidents By', placeHolder: 'Order of the postmortems in the Incidents view' },
  );
  return picked?.key;
}

export function registerIncidents(pm: PostmortemClient, context: vscode.ExtensionContext): { provider: IncidentIndexProvider; disposable: vscode.Disposable } {
  const { provider, disposable } = registerIncidentIndex(pm, context);
  void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT_KEY, true);
  return {
    provider,
    disposable: vscode.Disposable.from(
      disposable,
      vscode.commands.registerCommand(COMMANDS.refreshIncidents, () => provider.refresh()),
      vscode.commands.registerCommand(COMMANDS.sortIncidents, async (arg?: unknown) => {
        const key = await chooseSort(provider, arg);
        if (key) await provider.setSort(key);
        return key;
      }),
    ),
  };
}
