// Regenerates the contributions derived from the engine, so they cannot drift from it:
//   snippets/postmortem.code-snippets            from the built-in templates (client/src/scaffold/snippets.ts)
//   package.json contributes postmortem.rules    one property per rule, with its description
// Run: node --import tsx scripts/contributions.ts   (test/client/snippets.test.ts and
// test/client/manifest.test.ts fail while either is stale). Only those two things are rewritten.
import { readFileSync, writeFileSync } from 'node:fs';
import { snippetsFileText } from '../client/src/scaffold/snippets';
import { RULES } from '../server/src/core';
import { BUILTIN_TEMPLATES } from '../server/src/core/templates/builtin';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const SEVERITY_DESCRIPTIONS = ['Report as an error.', 'Report as a warning.', 'Report as information.', 'Show as a hint (faded, not listed in the Problems panel).', 'Do not check.'];

const snippets = new URL('../snippets/postmortem.code-snippets', import.meta.url);
writeFileSync(snippets, snippetsFileText(BUILTIN_TEMPLATES));

const manifest = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
const properties: Record<string, unknown> = {};
for (const r of RULES as unknown as { id: string; description: string; defaultSeverity: string }[]) {
  properties[r.id] = { type: 'string', enum: SEVERITIES, enumDescriptions: SEVERITY_DESCRIPTIONS, markdownDescription: `${r.description} Default: \`${r.defaultSeverity}\`.` };
}
pkg.contributes.configuration.properties['postmortem.rules'].properties = properties;
writeFileSync(manifest, JSON.stringify(pkg, null, 2) + '\n');
console.log(`wrote ${snippets.pathname} and postmortem.rules (${RULES.length} rules) in ${manifest.pathname}`);
