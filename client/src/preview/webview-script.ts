/// <reference lib="dom" />
// The preview webview's only script (bundled to dist/preview.js, loaded by nonce). It places the
// report the extension sends, keeps the editor's line in view, and turns clicks into messages:
// reveal a line, open a link. It never navigates itself and never runs anything from the report:
// the HTML is parsed with DOMParser (whose scripts never run) after the server sanitised it.
import type { FromWebview, ToWebview } from './messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('pm-root')!;
const notice = document.getElementById('pm-notice')!;
/**
 * Kept by VS Code across reloads of this page: the editor's top line (so the view does not jump)
 * and the document shown (so the panel comes back with it after a window reload: restore.ts).
 */
interface SavedState {
  line?: number;
  uri?: string;
}
const saved = (vscode.getState() as SavedState | undefined) ?? {};
let editorLine = saved.line ?? 0;
let documentUri = saved.uri;

function save(): void {
  vscode.setState({ line: editorLine, ...(documentUri !== undefined ? { uri: documentUri } : {}) } satisfies SavedState);
}

function place(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  root.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.adoptNode(n)));
}

/** Elements of the document part with their lines, in document order. */
function documentLines(): { line: number; el: HTMLElement }[] {
  const out: { line: number; el: HTMLElement }[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('.pm-document [data-line]'))) {
    const line = Number(el.dataset['line']);
    if (Number.isInteger(line) && el.offsetParent !== null) out.push({ line, el });
  }
  return out;
}

/** Scrolls so `line` is at the top, interpolating between the nearest elements (as VS Code's Markdown preview does). */
function scrollToLine(line: number): void {
  editorLine = line;
  save();
  const lines = documentLines();
  const first = lines[0];
  if (!first || line <= first.line) { // at the top: show the card and chart above the document
    window.scrollTo({ top: 0 });
    return;
  }
  let before = first;
  let after: (typeof lines)[number] | undefined;
  for (const entry of lines) {
    if (entry.line <= line) before = entry;
    else {
      after = entry;
      break;
    }
  }
  const top = (el: HTMLElement) => el.getBoundingClientRect().top + window.scrollY;
  let y = top(before.el);
  if (after && after.line > before.line) {
    const fraction = (line - before.line) / (after.line - before.line);
    y += (top(after.el) - y) * fraction;
  }
  window.scrollTo({ top: Math.max(0, y - 8) });
}

function lineOf(el: Element | null): number | undefined {
  const value = el instanceof HTMLElement || el instanceof SVGElement ? el.dataset['line'] : undefined;
  const line = value === undefined ? NaN : Number(value);
  return Number.isInteger(line) && line >= 0 ? line : undefined;
}

/** What a single click reveals: our own parts (card, chart, metrics, actions, problems) and headings. */
const REVEAL_ON_CLICK = '.pm-card [data-line], .pm-count, .pm-entry, .pm-milestone, .pm-metric, .pm-actions tr, .pm-problem, .pm-section-title, .pm-document :is(h1, h2, h3, h4, h5, h6)';

function scrollToFragment(id: string): void {
  const target = document.getElementById(id) ?? document.getElementById(`user-content-${id}`);
  target?.scrollIntoView({ block: 'start' });
}

document.addEventListener(
  'click',
  (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const link = target.closest('a');
    const revealable = target.closest(REVEAL_ON_CLICK);
    if (link && !link.classList.contains('pm-count')) {
      // Never let the webview follow a link itself.
      event.preventDefault();
      const href = link.getAttribute('href');
      if (href?.startsWith('#')) scrollToFragment(decodeURIComponent(href.slice(1)));
      else if (href) vscode.postMessage({ type: 'open-link', href });
      return;
    }
    const line = lineOf(revealable);
    if (line === undefined) return;
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', line });
  },
  true,
);

// Double-click anywhere in the document reveals its line, like the Markdown preview.
document.addEventListener('dblclick', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
  const line = lineOf(target);
  if (line !== undefined) vscode.postMessage({ type: 'reveal', line });
});

// Chart entries are focusable: Enter or Space reveals them as a click does.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target instanceof Element ? event.target.closest('.pm-entry, .pm-milestone') : null;
  const line = lineOf(target);
  if (line === undefined) return;
  event.preventDefault();
  vscode.postMessage({ type: 'reveal', line });
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'update':
      documentUri = message.uri;
      place(message.html);
      notice.hidden = true;
      scrollToLine(message.line ?? editorLine);
      break;
    case 'scroll':
      scrollToLine(message.line);
      break;
    case 'notice':
      notice.textContent = message.text;
      notice.hidden = false;
      break;
  }
});

vscode.postMessage({ type: 'ready' });
