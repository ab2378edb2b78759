// The preview's page: the report stylesheet and our one script, both allowed by a per-page nonce,
// under a CSP that allows nothing else: no other script (inline handlers included), no frames,
// no forms, no fetches; images from the extension's own resources, https and data: only. The
// report itself arrives later by message (webview-script.ts), so typing never reloads the page.
import { randomBytes } from 'node:crypto';
import { REPORT_CSS } from '../../../server/src/render/styles';

export interface PageOptions {
  cspSource: string;
  scriptUri: string;
  nonce?: string;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} https: data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function previewPage(options: PageOptions): string {
  const nonce = options.nonce ?? newNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(options.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${attr(nonce)}">${REPORT_CSS}
.pm-notice { position: sticky; top: 0; z-index: 1; margin: 0; padding: 6px 24px; background: var(--vscode-inputValidation-warningBackground, #fff4ce); color: var(--pm-fg); border-bottom: 1px solid var(--vscode-inputValidation-warningBorder, #9a6700); }
.pm-notice[hidden] { display: none; }
.pm-waiting { color: var(--pm-muted); padding: 24px; }
</style>
</head>
<body>
<p class="pm-notice" id="pm-notice" role="status" hidden></p>
<div id="pm-root" class="pm-live"><p class="pm-waiting">Rendering the postmortem…</p></div>
<script nonce="${attr(nonce)}" src="${attr(options.scriptUri)}"></script>
</body>
</html>`;
}
