// The report's stylesheet, shared by the preview and the export. Every colour is a VS Code theme
// variable (so the preview follows light, dark and high-contrast themes) with a fallback for the
// export, where no such variables exist: light by default, dark under prefers-color-scheme on screen
// (or a forced data-pm-theme), and light for print. The fallbacks live in --pm-f-* on body so a media
// query can swap them while the --pm-* names stay the same. The chart uses these classes only:
// the webview's CSP refuses style attributes.

const LIGHT = `
  --pm-f-fg: #1f2328; --pm-f-bg: #ffffff; --pm-f-muted: #59636e; --pm-f-border: #d1d9e0; --pm-f-card: #f6f8fa;
  --pm-f-link: #0969da; --pm-f-error: #cf222e; --pm-f-warning: #9a6700; --pm-f-info: #0969da; --pm-f-focus: #0969da;
  --pm-f-start: #8250df; --pm-f-detected: #bc4c00; --pm-f-acknowledged: #9a6700; --pm-f-mitigated: #0969da;
  --pm-f-resolved: #1a7f37; --pm-f-window: #0969da; --pm-f-code: rgba(175, 184, 193, 0.2);`;

const DARK = `
  --pm-f-fg: #e6edf3; --pm-f-bg: #1e1e1e; --pm-f-muted: #9da7b3; --pm-f-border: #3d444d; --pm-f-card: #262a30;
  --pm-f-link: #4493f8; --pm-f-error: #f85149; --pm-f-warning: #d29922; --pm-f-info: #58a6ff; --pm-f-focus: #4493f8;
  --pm-f-start: #bc8cff; --pm-f-detected: #f0883e; --pm-f-acknowledged: #d29922; --pm-f-mitigated: #58a6ff;
  --pm-f-resolved: #3fb950; --pm-f-window: #58a6ff; --pm-f-code: rgba(110, 118, 129, 0.4);`;

export const REPORT_CSS = `
body {${LIGHT}
  --pm-fg: var(--vscode-editor-foreground, var(--pm-f-fg));
  --pm-bg: var(--vscode-editor-background, var(--pm-f-bg));
  --pm-muted: var(--vscode-descriptionForeground, var(--pm-f-muted));
  --pm-border: var(--vscode-contrastBorder, var(--vscode-panel-border, var(--pm-f-border)));
  --pm-card: var(--vscode-editorWidget-background, var(--pm-f-card));
  --pm-link: var(--vscode-textLink-foreground, var(--pm-f-link));
  --pm-error: var(--vscode-editorError-foreground, var(--pm-f-error));
  --pm-warning: var(--vscode-editorWarning-foreground, var(--pm-f-warning));
  --pm-info: var(--vscode-editorInfo-foreground, var(--pm-f-info));
  --pm-focus: var(--vscode-focusBorder, var(--pm-f-focus));
  --pm-start: var(--vscode-charts-purple, var(--pm-f-start));
  --pm-detected: var(--vscode-charts-orange, var(--pm-f-detected));
  --pm-acknowledged: var(--vscode-charts-yellow, var(--pm-f-acknowledged));
  --pm-mitigated: var(--vscode-charts-blue, var(--pm-f-mitigated));
  --pm-resolved: var(--vscode-charts-green, var(--pm-f-resolved));
  --pm-window: var(--vscode-charts-blue, var(--pm-f-window));
  --pm-code: var(--vscode-textCodeBlock-background, var(--pm-f-code));
  margin: 0;
  background: var(--pm-bg);
  color: var(--pm-fg);
  font-family: var(--vscode-markdown-font-family, var(--vscode-font-family, -apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, Ubuntu, "Droid Sans", sans-serif));
  font-size: 14px;
  line-height: 1.6;
}
body[data-pm-theme="dark"], body.vscode-dark, body.vscode-high-contrast:not(.vscode-high-contrast-light) {${DARK}
}
@media screen and (prefers-color-scheme: dark) {
  body:not([data-pm-theme="light"]):not(.vscode-light):not(.vscode-high-contrast-light) {${DARK}
  }
}
.pm-report { max-width: 920px; margin: 0 auto; padding: 12px 24px 48px; }
.pm-report a { color: var(--pm-link); }
/* A link the sanitiser disarmed (javascript: and the like) reads as the text it is. */
.pm-report a:not([href]) { color: inherit; text-decoration: none; }
.pm-report [tabindex]:focus-visible, .pm-report a:focus-visible { outline: 1px solid var(--pm-focus); outline-offset: 2px; }
.pm-note { color: var(--pm-muted); font-size: 12px; margin: 6px 0 0; }

.pm-card { border: 1px solid var(--pm-border); border-radius: 6px; background: var(--pm-card); padding: 14px 18px; margin: 8px 0 16px; }
.pm-card-title { font-size: 1.35em; font-weight: 600; line-height: 1.3; margin-bottom: 10px; }
.pm-facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 8px 20px; margin: 0 0 12px; }
.pm-fact dt { font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--pm-muted); }
.pm-fact dd { margin: 0; font-weight: 500; }
.pm-stated { margin-left: 6px; font-size: 0.9em; color: var(--pm-muted); font-weight: 400; }
.pm-stated.pm-differs { color: var(--pm-warning); font-weight: 600; }
.pm-counts { display: flex; gap: 8px; flex-wrap: wrap; }
.pm-count { display: inline-block; padding: 0 10px; border: 1px solid currentColor; border-radius: 10px; font-size: 12px; line-height: 20px; text-decoration: none; }
.pm-report a.pm-count.pm-error, .pm-problem.pm-error::marker { color: var(--pm-error); }
.pm-report a.pm-count.pm-warning, .pm-problem.pm-warning::marker { color: var(--pm-warning); }
.pm-report a.pm-count.pm-information, .pm-problem.pm-information::marker { color: var(--pm-info); }
.pm-report a.pm-count.pm-hint, .pm-problem.pm-hint::marker { color: var(--pm-muted); }
.pm-count.pm-clean { color: var(--pm-resolved); }

.pm-section { margin: 18px 0; }
.pm-section-title { font-size: 1.1em; font-weight: 600; margin: 0 0 8px; }
.pm-metric-list { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px; margin: 0; }
.pm-metric { border: 1px solid var(--pm-border); border-left: 3px solid var(--pm-c, var(--pm-border)); border-radius: 4px; padding: 6px 10px; }
.pm-metric-detected, .pm-milestone-detected { --pm-c: var(--pm-detected); }
.pm-metric-acknowledged, .pm-milestone-acknowledged { --pm-c: var(--pm-acknowledged); }
.pm-metric-mitigated, .pm-milestone-mitigated { --pm-c: var(--pm-mitigated); }
.pm-metric-resolved, .pm-milestone-resolved { --pm-c: var(--pm-resolved); }
.pm-milestone-start { --pm-c: var(--pm-start); }
.pm-metric dt abbr { font-weight: 700; text-decoration: none; }
.pm-metric-name { color: var(--pm-muted); font-size: 12px; }
.pm-metric dd { margin: 0; font-size: 1.15em; font-weight: 600; }
.pm-metric.pm-missing dd { color: var(--pm-muted); font-weight: 400; }
@media (max-width: 600px) { .pm-metric-list { grid-template-columns: repeat(2, minmax(0, 1fr)); } }

.pm-chart figure { margin: 0; }
.pm-chart-wrap { overflow-x: auto; border: 1px solid var(--pm-border); border-radius: 6px; }
.pm-chart-svg { display: block; width: 100%; min-width: 560px; height: auto; font-size: 12px; }
.pm-gridline { stroke: var(--pm-border); stroke-width: 1; }
.pm-window { fill: var(--pm-window); fill-opacity: 0.12; stroke: var(--pm-window); stroke-opacity: 0.35; }
.pm-midnight-line { stroke: var(--pm-fg); stroke-opacity: 0.6; stroke-width: 1.2; stroke-dasharray: 5 4; }
.pm-midnight-label { fill: var(--pm-fg); font-size: 11px; font-weight: 600; }
.pm-milestone-line { stroke: var(--pm-c); stroke-width: 1.5; stroke-dasharray: 2 2; }
.pm-milestone-label { fill: var(--pm-c); font-size: 11px; font-weight: 600; }
.pm-trace { fill: none; stroke: var(--pm-muted); stroke-opacity: 0.5; stroke-width: 1; }
.pm-dot { fill: var(--pm-link); stroke: var(--pm-bg); stroke-width: 1.5; }
.pm-out-of-order .pm-dot { fill: var(--pm-error); stroke: var(--pm-error); stroke-width: 3; stroke-opacity: 0.35; }
.pm-ambiguous .pm-dot { fill: var(--pm-warning); }
.pm-entry-label { fill: var(--pm-fg); }
.pm-out-of-order .pm-entry-label { fill: var(--pm-error); font-weight: 600; }
.pm-entry:focus { outline: none; }
.pm-entry:hover .pm-dot, .pm-entry:focus .pm-dot { stroke: var(--pm-focus); stroke-width: 3; stroke-opacity: 1; }
.pm-axis-line, .pm-tick-mark { stroke: var(--pm-muted); }
.pm-tick-label { fill: var(--pm-muted); font-size: 11px; }
.pm-legend { color: var(--pm-muted); font-size: 12px; margin-top: 4px; }
.pm-key::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: -1px; border-radius: 2px; }
.pm-key-window::before { background: var(--pm-window); opacity: 0.35; }
.pm-key-out-of-order::before { background: var(--pm-error); border-radius: 50%; }
.pm-key-ambiguous::before { background: var(--pm-warning); border-radius: 50%; }

.pm-table-wrap { overflow-x: auto; }
.pm-report table { border-collapse: collapse; margin: 0 0 1em; }
.pm-actions table { width: 100%; }
.pm-report th, .pm-report td { border: 1px solid var(--pm-border); padding: 4px 10px; text-align: left; vertical-align: top; }
.pm-report th { background: var(--pm-card); font-weight: 600; }
.pm-done { color: var(--pm-resolved); }
.pm-open { color: var(--pm-warning); }
.pm-overdue { color: var(--pm-error); font-weight: 600; }
.pm-unknown { color: var(--pm-muted); }
.pm-due, .pm-owner, .pm-ticket-cell, .pm-state { white-space: nowrap; }

.pm-problems summary { cursor: pointer; font-weight: 600; }
.pm-problems ol { margin: 6px 0; padding-left: 1.6em; }
.pm-problem { margin: 2px 0; }
.pm-problem-where { color: var(--pm-muted); font-variant-numeric: tabular-nums; }
.pm-rule { color: var(--pm-muted); font-size: 0.85em; }

.pm-document { border-top: 1px solid var(--pm-border); margin-top: 24px; padding-top: 4px; overflow-wrap: break-word; }
.pm-document h1, .pm-document h2 { border-bottom: 1px solid var(--pm-border); padding-bottom: 0.3em; }
.pm-document h1 { font-size: 1.8em; } .pm-document h2 { font-size: 1.4em; } .pm-document h3 { font-size: 1.15em; }
.pm-document h1, .pm-document h2, .pm-document h3, .pm-document h4 { line-height: 1.25; margin: 1.2em 0 0.6em; }
.pm-document code, .pm-rule { font-family: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace); }
.pm-document code { font-size: 0.9em; background: var(--pm-code); padding: 0.1em 0.35em; border-radius: 4px; }
.pm-document pre { background: var(--pm-code); padding: 12px 16px; border-radius: 6px; overflow: auto; }
.pm-document pre code { background: none; padding: 0; }
.pm-document blockquote { margin: 0 0 1em; padding: 0 1em; border-left: 4px solid var(--pm-border); color: var(--pm-muted); }
.pm-document img { max-width: 100%; }
.pm-document hr { border: 0; border-top: 1px solid var(--pm-border); }
.pm-document .task-list-item { list-style: none; }
.pm-document .task-list-item input { margin: 0 0.35em 0 -1.3em; vertical-align: middle; }
.pm-document .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.pm-document .footnotes { font-size: 0.9em; color: var(--pm-muted); border-top: 1px solid var(--pm-border); margin-top: 2em; }
.pm-image-link { display: inline-block; padding: 1px 8px; border: 1px dashed var(--pm-border); border-radius: 4px; color: var(--pm-muted); font-size: 0.9em; }

/* The preview (script present): what can be clicked to reveal a line in the editor. */
.pm-live .pm-entry, .pm-live .pm-milestone[data-line], .pm-live .pm-card-title[data-line], .pm-live .pm-problem,
.pm-live .pm-fact dd[data-line], .pm-live .pm-metric[data-line], .pm-live .pm-actions tr[data-line],
.pm-live .pm-section-title[data-line], .pm-live .pm-document :is(h1, h2, h3, h4, h5, h6)[data-line] { cursor: pointer; }

@media print {
  body[data-pm-theme] {${LIGHT}
  }
  .pm-report { max-width: none; padding: 0; }
  .pm-card, .pm-chart, .pm-metrics, .pm-report tr, .pm-document pre { break-inside: avoid; }
  .pm-chart-wrap { overflow: visible; border-color: #999; }
  .pm-chart-svg { min-width: 0; }
  .pm-document a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--pm-muted); }
}
`;
