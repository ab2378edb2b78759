// package.json's contributions agree with the code: commands, activation, settings (with the
// server's defaults and the engine's rule ids), schema and snippet paths, trust, and the icon.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../client/src/commands/ids';
import { ACTIVE_CONTEXT_KEY, LOADED_CONTEXT_KEY, VIEW_ID } from '../../client/src/incidents/ids';
import { PREVIEW_VIEW_TYPE } from '../../client/src/preview/ids';
import { SERVER_COMMANDS } from '../../client/src/protocol';
import { RULES } from '../../server/src/core';
import { BUILTIN_TEMPLATES } from '../../server/src/core/templates/builtin';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const contributes = pkg.contributes;
const settings = contributes.configuration.properties as Record<string, Record<string, unknown>>;

describe('package.json', () => {
  // Other features (the preview) contribute commands of their own: these tests ask for ours.
  const ids: string[] = contributes.commands.map((c: { command: string }) => c.command);

  it('contributes the client commands, all in category Postmortem, none with a server command id', () => {
    for (const id of Object.values(COMMANDS)) assert.ok(ids.includes(id), id);
    for (const id of Object.values(SERVER_COMMANDS)) assert.ok(!ids.includes(id), id);
    assert.equal(new Set(ids).size, ids.length, 'a command is contributed twice');
    for (const c of contributes.commands) assert.equal(c.category, 'Postmortem', c.command);
  });

  it('activates on Markdown and on each command', () => {
    assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
    for (const id of Object.values(COMMANDS)) assert.ok(pkg.activationEvents.includes(`onCommand:${id}`), id);
    // Without it VS Code drops an open preview on a window reload instead of asking us to restore it.
    assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${PREVIEW_VIEW_TYPE}`));
    assert.equal(pkg.main, './dist/client.js');
  });

  it('shows the editor commands in the palette only for Markdown', () => {
    const palette = contributes.menus.commandPalette as { command: string; when: string }[];
    for (const id of [COMMANDS.insertTimelineEntry, COMMANDS.sortTimeline]) {
      assert.match(palette.find((m) => m.command === id)?.when ?? '', /editorLangId == markdown/, id);
    }
    for (const m of palette) assert.ok(ids.includes(m.command), m.command);
  });

  it('contributes the Incidents view to the Explorer, shown once the extension runs, with its title-bar commands', () => {
    const views = contributes.views.explorer as { id: string; name: string; when: string }[];
    const view = views.find((v) => v.id === VIEW_ID);
    assert.ok(view, VIEW_ID);
    assert.equal(view.name, 'Incidents');
    assert.match(view.when, new RegExp(`workspaceFolderCount > 0 && ${ACTIVE_CONTEXT_KEY.replace(/\./g, '\\.')}`));
    const title = (contributes.menus['view/title'] as { command: string; when: string; group: string }[]).filter((m) => m.when === `view == ${VIEW_ID}`);
    assert.deepEqual(title.filter((m) => m.group.startsWith('navigation')).map((m) => m.command), [COMMANDS.sortIncidents, COMMANDS.refreshIncidents]);
    for (const id of [COMMANDS.sortIncidents, COMMANDS.refreshIncidents]) assert.match(contributes.commands.find((c: { command: string }) => c.command === id).icon, /^\$\(/, id);
    assert.equal(contributes.commands.find((c: { command: string }) => c.command === COMMANDS.sortIncidents).title, 'Sort By…');
    const welcome = (contributes.viewsWelcome as { view: string; when: string; contents: string }[]).find((w) => w.view === VIEW_ID);
    assert.equal(welcome?.when, LOADED_CONTEXT_KEY);
    assert.match(welcome!.contents, /command:postmortem\.newPostmortem/);
  });

  it('declares every setting of the contract, with the server\'s defaults', () => {
    const expected = ['files', 'defaultTemplate', 'timeZone', 'rules', 'inlayHints.enabled', 'debounceMs', 'budgetMs', 'newFile.folder', 'newFile.pattern', 'trace.server'];
    assert.deepEqual(Object.keys(settings).sort(), expected.map((k) => `postmortem.${k}`).sort());
    for (const [key, s] of Object.entries(settings)) assert.ok(typeof s['markdownDescription'] === 'string' || typeof s['description'] === 'string', key);
    assert.equal(settings['postmortem.debounceMs']!['default'], DEFAULT_SETTINGS.debounceMs);
    assert.equal(settings['postmortem.budgetMs']!['default'], DEFAULT_SETTINGS.budgetMs);
    assert.equal(settings['postmortem.inlayHints.enabled']!['default'], DEFAULT_SETTINGS.inlayHints.enabled);
    assert.equal(settings['postmortem.newFile.folder']!['default'], DEFAULT_SETTINGS.newFile.folder);
    assert.equal(settings['postmortem.newFile.pattern']!['default'], '${date}-${slug}.md');
    assert.deepEqual(settings['postmortem.defaultTemplate']!['enum'], ['', ...BUILTIN_TEMPLATES.map((t) => t.id)]);
    assert.deepEqual(settings['postmortem.trace.server']!['enum'], ['off', 'messages', 'verbose']);
  });

  it('lets each workspace folder set what the engine reads; timing and hints stay per window', () => {
    // "resource": a folder's settings.json may set it, and the server pulls it per folder (scopeUri).
    for (const k of ['files', 'defaultTemplate', 'timeZone', 'rules', 'newFile.folder', 'newFile.pattern']) assert.equal(settings[`postmortem.${k}`]!['scope'], 'resource', k);
    // Window scope (the default): the server has one debounce, one time budget, one inlay-hint switch.
    for (const k of ['debounceMs', 'budgetMs', 'inlayHints.enabled', 'trace.server']) assert.ok([undefined, 'window', 'application'].includes(settings[`postmortem.${k}`]!['scope'] as string | undefined), k);
  });

  it('lists every engine rule under postmortem.rules, and accepts only severities', () => {
    const rules = settings['postmortem.rules']!;
    const severities = ['error', 'warning', 'information', 'hint', 'off'];
    assert.deepEqual((rules['additionalProperties'] as { enum: string[] }).enum, severities);
    const props = rules['properties'] as Record<string, { enum: string[]; markdownDescription: string }>;
    const ids = (RULES as unknown as { id: string; description: string }[]).map((r) => r.id);
    assert.deepEqual(Object.keys(props).sort(), [...ids].sort(), 'rules changed: run node --import tsx scripts/contributions.ts');
    for (const r of RULES as unknown as { id: string; description: string }[]) {
      assert.deepEqual(props[r.id]!.enum, severities);
      assert.ok(props[r.id]!.markdownDescription.startsWith(r.description), r.id);
    }
  });

  it('points .postmortemrc.json at its schema and markdown at the snippets, both shipped files', () => {
    assert.deepEqual(contributes.jsonValidation, [{ fileMatch: '.postmortemrc.json', url: './schemas/config.schema.json' }]);
    assert.deepEqual(contributes.snippets, [{ language: 'markdown', path: './snippets/postmortem.code-snippets' }]);
    for (const p of ['schemas/config.schema.json', 'snippets/postmortem.code-snippets']) assert.ok(existsSync(new URL(p, root)), p);
  });

  it('declares limited support for untrusted workspaces, restricting only real settings', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.ok(trust.description.length > 40);
    for (const key of trust.restrictedConfigurations) assert.ok(key in settings, key);
  });

  it('has a 128x128 PNG icon', () => {
    const png = readFileSync(new URL(pkg.icon, root));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
