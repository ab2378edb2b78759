// Reads the engine's own source with the TypeScript compiler API, for static checks that no
// runtime test can make exhaustive: every regular expression, every spread into a call.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const REPO = join(__dirname, '..', '..', '..');
export const CORE = join(REPO, 'server', 'src', 'core');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Where something is in the source: "server/src/core/model/labels.ts:42". */
export interface Site {
  file: string;
  line: number;
}

export interface FoundRegex extends Site {
  /** The pattern as RegExp sees it (escapes already resolved for `new RegExp("...")`). */
  source: string;
  flags: string;
  /** How it is written, for messages and allow-list keys: "/\s*:$/" or "new RegExp(`...`)". */
  written: string;
  /** Built from something other than literals: no static check is possible. */
  dynamic: boolean;
}

export interface FoundSpread extends Site {
  /** The call as written, shortened: "Math.min(...days)". */
  call: string;
}

/** The text of a string-ish literal argument, or undefined when it is computed. */
function literalText(node: ts.Expression | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

function site(sf: ts.SourceFile, node: ts.Node): Site {
  return { file: relative(REPO, sf.fileName), line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 };
}

/** Calls whose arguments land on the stack one by one: a spread of an unbounded array overflows. */
const STACKED_CALLS = new Set(['push', 'unshift', 'splice', 'concat', 'min', 'max', 'fromCharCode', 'fromCodePoint', 'apply']);

export interface CoreScan {
  regexes: FoundRegex[];
  spreads: FoundSpread[];
  files: number;
}

/** Every regex literal, every `RegExp(...)` and every spread into a stacking call, in server/src/core. */
export function scanCore(): CoreScan {
  const regexes: FoundRegex[] = [];
  const spreads: FoundSpread[] = [];
  const files = tsFiles(CORE);
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        regexes.push({ ...site(sf, node), source: text.slice(1, slash), flags: text.slice(slash + 1), written: text, dynamic: false });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const source = literalText(pattern);
        const flagText = flags === undefined ? '' : literalText(flags);
        const written = node.getText(sf).replace(/\s+/g, ' ');
        regexes.push({ ...site(sf, node), source: source ?? '', flags: flagText ?? '', written, dynamic: source === undefined || flagText === undefined });
      } else if (ts.isCallExpression(node) && node.arguments.some(ts.isSpreadElement)) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
        if (STACKED_CALLS.has(name)) spreads.push({ ...site(sf, node), call: node.getText(sf).replace(/\s+/g, ' ').slice(0, 120) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { regexes, spreads, files: files.length };
}
