// The postmortem report renderer: pure (no vscode, no fs), from an analysis and the parse it was
// made from to HTML. The preview shows `renderBody` inside its own page (client/src/preview,
// which owns the CSP nonce and script); the export writes `renderStandalone`, a complete page
// with its own CSP and no script at all.
import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Analysis } from '../core';
import type { ParsedDocument } from '../core/parse/document';
import { actionItemsTable } from './actions';
import { headerCard, problemList } from './card';
import { timelineChart } from './chart';
import { renderDocument, textOf, walk } from './document';
import { h } from './h';
import { lineOf } from './format';
import { metricsRow } from './metrics';
import { REPORT_CSS } from './styles';

export { REPORT_CSS } from './styles';

export type Theme = 'auto' | 'light' | 'dark';

export interface RenderOptions {
  /** A complete, self-contained page (the export) rather than the body the preview embeds. */
  standalone: boolean;
  /** Export only: light or dark regardless of the reader's setting (default: follows it). */
  theme?: Theme;
  /** The document's URL: relative images (and, in the export, relative links) resolve against it. */
  baseUrl?: string;
  /** Export only: load https images instead of offering them as links (opening the report then fetches them). */
  remoteImages?: boolean;
  /** Title when the document has none (its file name). */
  fallbackTitle?: string;
  /** "Today", for overdue action items; without it none is marked overdue. */
  now?: Date;
}

const stringifier = unified().use(rehypeStringify).freeze();

function serialize(root: Root): string {
  return stringifier.stringify(root);
}

function reportTree(analysis: Analysis, doc: ParsedDocument, options: RenderOptions): Element {
  const { model } = analysis;
  const sections = analysis.isPostmortem
    ? [problemList(model, analysis.findings, options.standalone), metricsRow(model), timelineChart(model), actionItemsTable(model, options.now)]
    : [];
  const document = renderDocument(doc, model.index, {
    ...(options.baseUrl ? { base: options.baseUrl } : {}),
    // The preview's CSP allows https images; the export fetches nothing unless asked to.
    remoteImages: !options.standalone || options.remoteImages === true,
    resolveLinks: options.standalone,
  });
  const card = headerCard(analysis, options.fallbackTitle ?? 'Untitled postmortem', headingText(document, model.title ? lineOf(model, model.title.range.start) : undefined));
  return h('main', { className: ['pm-report'] }, card, sections, document);
}

/** The text of the rendered heading on `line`, if the title is a heading there. */
function headingText(document: Element, line: number | undefined): string | undefined {
  if (line === undefined) return undefined;
  let found: string | undefined;
  walk(document, (el) => {
    if (found === undefined && /^h[1-6]$/.test(el.tagName) && el.properties['dataLine'] === line) found = textOf(el);
  });
  return found;
}

/** The report without a page around it, for the preview to place in its webview. */
export function renderBody(analysis: Analysis, doc: ParsedDocument, options: Omit<RenderOptions, 'standalone'> = {}): string {
  return serialize({ type: 'root', children: [reportTree(analysis, doc, { ...options, standalone: false })] });
}

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * A complete page: the report, the stylesheet inline (allowed by its hash), and a CSP that allows
 * no script at all, no frames, no forms, and images only from local files (plus https when asked).
 */
export function renderStandalone(analysis: Analysis, doc: ParsedDocument, options: Omit<RenderOptions, 'standalone'> = {}): string {
  const report = reportTree(analysis, doc, { ...options, standalone: true });
  const title = analysis.model.title?.text.trim() || options.fallbackTitle || 'Postmortem report';
  const images = ["'self'", 'file:', ...(options.remoteImages ? ['https:'] : [])].join(' ');
  const csp = `default-src 'none'; img-src ${images}; style-src ${cspHash(REPORT_CSS)}; base-uri 'none'; form-action 'none'`;
  const page: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h(
        'html',
        { lang: 'en' },
        h(
          'head',
          {},
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: csp }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: 'postmortem render' }),
          h('title', {}, title),
          h('style', {}, REPORT_CSS),
        ),
        h('body', { dataPmTheme: options.theme ?? 'auto' }, report),
      ),
    ],
  };
  return `${serialize(page)}\n`;
}

/** One entry point for callers that choose at run time (the LSP request, the CLI). */
export function renderReport(analysis: Analysis, doc: ParsedDocument, options: RenderOptions): string {
  return options.standalone ? renderStandalone(analysis, doc, options) : renderBody(analysis, doc, options);
}
