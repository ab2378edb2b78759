// `--format sarif`: SARIF 2.1.0 for code-scanning uploads (e.g. GitHub's upload-sarif action).
// URIs are relative to %SRCROOT% (the working folder), as code scanning expects.
import { pathToFileURL } from 'node:url';
import { isAbsolute, sep } from 'node:path';
import { RULES, type Severity } from '../core';
import type { ReportedFinding, ReportedFix } from './report';
import type { LintedFile } from './results';
import { VERSION } from './version';

type Level = 'error' | 'warning' | 'note';

const level = (s: Severity): Level => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');

/** Findings the CLI itself reports, beside the engine's rules. */
const TOOL_RULES = [
  { id: 'analysis-budget', description: 'The analysis of a document ran past --budget-ms and was cut short.', defaultSeverity: 'warning' as Severity },
  { id: 'internal-error', description: 'A rule failed on a document; its other rules still ran.', defaultSeverity: 'information' as Severity },
];

export function formatSarif(files: readonly LintedFile[], cwd: string, failures: readonly string[]): string {
  const descriptors = [...RULES.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity })), ...TOOL_RULES];
  const ruleIndex = new Map(descriptors.map((r, i) => [r.id, i]));
  const results = files.flatMap((file) => {
    const artifact = artifactLocation(file.display);
    return file.report.findings.map((f) => result(f, artifact, ruleIndex.get(f.ruleId)));
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem',
            version: VERSION,
            rules: descriptors.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: level(r.defaultSeverity) },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((text) => ({ level: 'error', message: { text } })),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

type ArtifactLocation = { uri: string; uriBaseId?: string };

function artifactLocation(display: string): ArtifactLocation {
  if (isAbsolute(display)) return { uri: pathToFileURL(display).href };
  // A relative URI reference: "/" separators, each segment percent-encoded (spaces, #, %).
  return { uri: display.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function result(f: ReportedFinding, artifactLocation: ArtifactLocation, index: number | undefined) {
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: level(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(f.line, f.column, f.endLine, f.endColumn) } }],
    ...(f.fixes.length > 0 ? { fixes: f.fixes.map((fix) => sarifFix(fix, artifactLocation)) } : {}),
  };
}

function region(startLine: number, startColumn: number, endLine: number, endColumn: number) {
  return { startLine, startColumn, endLine, endColumn };
}

function sarifFix(fix: ReportedFix, artifactLocation: ArtifactLocation) {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation,
        replacements: fix.edits.map((e) => ({
          deletedRegion: region(e.startLine, e.startColumn, e.endLine, e.endColumn),
          insertedContent: { text: e.newText },
        })),
      },
    ],
  };
}
