// The hostile fixture (scripts, handlers, frames, forms, styles, javascript:/vbscript:/data: links
// in every spelling, mXSS bait) rendered for the preview and for export, and read back with an
// HTML parser: none of it survives as something a browser would run or fetch. Plus the URL rules
// on their own, for the renderer and for the preview's link handler.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Element } from 'hast';
import { classifyLink } from '../../client/src/preview/links';
import { imageSource, linkHref } from '../../server/src/render/urls';
import { byClass, elements, one, renderFile, RENDER_FIXTURES, textOf, type Rendered } from './helpers';

const HOSTILE = join(RENDER_FIXTURES, 'hostile.md');
const FORBIDDEN_ELEMENTS = ['script', 'iframe', 'frame', 'object', 'embed', 'form', 'button', 'textarea', 'select', 'meta', 'base', 'link', 'noscript', 'template', 'video', 'audio', 'math'];

/** Attribute names as HTML spells them (hast keeps property names: onClick → onclick). */
function attributeNames(el: Element): string[] {
  return Object.keys(el.properties).map((k) => k.toLowerCase());
}

function assertInert(r: Rendered, where: Element, remoteImages: boolean): void {
  const all = elements(where);
  for (const el of all) {
    assert.ok(!FORBIDDEN_ELEMENTS.includes(el.tagName), `<${el.tagName}> survived`);
    for (const name of attributeNames(el)) assert.ok(!name.startsWith('on'), `${name} on <${el.tagName}>`);
    for (const key of ['href', 'src', 'action', 'formAction', 'xLinkHref', 'srcSet', 'poster', 'data', 'background']) {
      const value = el.properties[key];
      if (value !== undefined) assert.doesNotMatch(String(value), /^\s*(javascript|vbscript|data):/i, `${key}=${String(value)} on <${el.tagName}>`);
    }
    assert.equal(el.properties['style'], undefined, `style attribute on <${el.tagName}>`);
  }
  // The export offers remote images as links, never loads them; the preview's CSP allows https ones.
  for (const img of all.filter((e) => e.tagName === 'img')) assert.doesNotMatch(String(img.properties['src']), remoteImages ? /^http:/ : /^https?:/);
  // Inline <svg> only from our chart; the document's own svg is dropped whole.
  assert.deepEqual(all.filter((e) => e.tagName === 'svg').map((e) => e.properties['className']), byClass(r.tree, 'pm-chart-svg').map((e) => e.properties['className']));
}

describe('hostile document', () => {
  const preview = renderFile(HOSTILE, false);
  const exported = renderFile(HOSTILE, true);

  it('renders for the preview with no script, handler, frame, form, style or unsafe URL', () => {
    assertInert(preview, { type: 'element', tagName: 'div', properties: {}, children: preview.tree.children as Element[] }, true);
    assert.equal(elements(preview.tree).filter((e) => e.tagName === 'style').length, 0);
  });

  it('exports a page whose only style is ours in <head> and whose body is as inert', () => {
    const body = elements(exported.tree).find((e) => e.tagName === 'body')!;
    assertInert(exported, body, false);
    const styles = elements(exported.tree).filter((e) => e.tagName === 'style');
    assert.equal(styles.length, 1);
    assert.ok(textOf(styles[0]!).includes('.pm-report'));
    const csp = elements(exported.tree).find((e) => e.tagName === 'meta' && e.properties['httpEquiv']?.toString().toLowerCase() === 'content-security-policy')!;
    const policy = String(csp.properties['content']);
    assert.match(policy, /default-src 'none'/);
    assert.doesNotMatch(policy, /script-src/);
    assert.doesNotMatch(policy, /unsafe-inline/);
  });

  it('keeps the words: link texts stay, their unsafe targets go', () => {
    const doc = one(preview.tree, 'pm-document');
    for (const label of ['plain javascript link', 'mixed case link', 'entity link', 'leading space link', 'vbscript link', 'data link', 'ref link', 'me too']) {
      const a = elements(doc).find((e) => e.tagName === 'a' && textOf(e) === label);
      assert.ok(a, label);
      assert.equal(a.properties['href'], undefined, label);
    }
    assert.match(textOf(doc), /users saw errors/);
  });

  it('drops the page-level tricks: no overlay styling, no refresh, no base, no password field', () => {
    const doc = one(preview.tree, 'pm-document');
    assert.ok(!elements(doc).some((e) => e.tagName === 'input' && e.properties['type'] !== 'checkbox'));
    assert.ok(elements(doc).every((e) => e.tagName !== 'input' || e.properties['disabled'] === true));
    assert.doesNotMatch(textOf(doc), /background: url/);
  });

  it('shows the card from the engine, not from raw HTML', () => {
    assert.equal(textOf(one(preview.tree, 'pm-card-title')).includes('<script>'), false);
    assert.ok(byClass(preview.tree, 'pm-chart-svg').length === 1);
  });
});

describe('URL rules', () => {
  const exportPolicy = { base: 'file:///reports/incident.md', remoteImages: false, resolveLinks: true };
  const previewPolicy = { base: 'https://file+.vscode-resource.vscode-cdn.net/reports/incident.md', remoteImages: true, resolveLinks: false };

  it('resolves relative images against the document and never toward another host', () => {
    assert.deepEqual(imageSource('img/a.png', exportPolicy), { kind: 'load', src: 'file:///reports/img/a.png' });
    assert.deepEqual(imageSource('../../../etc/x.png', exportPolicy), { kind: 'load', src: 'file:///etc/x.png' });
    assert.deepEqual(imageSource('//evil.example/x.png', exportPolicy), { kind: 'link', href: 'https://evil.example/x.png' });
    assert.deepEqual(imageSource('\\\\evil\\share\\x.png', exportPolicy), { kind: 'link', href: 'https://evil/share/x.png' });
    assert.deepEqual(imageSource('img/a.png', previewPolicy), { kind: 'load', src: 'https://file+.vscode-resource.vscode-cdn.net/reports/img/a.png' });
  });

  it('loads https images only where allowed, and no other scheme anywhere', () => {
    assert.deepEqual(imageSource('https://cdn.example/a.png', previewPolicy), { kind: 'load', src: 'https://cdn.example/a.png' });
    assert.deepEqual(imageSource('https://cdn.example/a.png', exportPolicy), { kind: 'link', href: 'https://cdn.example/a.png' });
    for (const src of ['http://cdn.example/a.png', 'data:image/png;base64,AAAA', 'javascript:alert(1)', 'file:///etc/passwd', '#x', '']) {
      assert.deepEqual(imageSource(src, previewPolicy), { kind: 'drop' }, src);
    }
  });

  it('keeps http(s), mailto and fragments; resolves relative links only for the export', () => {
    assert.equal(linkHref('https://a.example/x', exportPolicy), 'https://a.example/x');
    assert.equal(linkHref('mailto:oncall@example.com', exportPolicy), 'mailto:oncall@example.com');
    assert.equal(linkHref('#timeline', exportPolicy), '#timeline');
    assert.equal(linkHref('runbooks/db.md', exportPolicy), 'file:///reports/runbooks/db.md');
    assert.equal(linkHref('runbooks/db.md', previewPolicy), 'runbooks/db.md');
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', '//evil.example/x', 'command:workbench.action.terminal.new']) {
      assert.equal(linkHref(href, exportPolicy), undefined, href);
    }
  });

  it('lets the preview open only http, https and mailto outside VS Code', () => {
    assert.deepEqual(classifyLink('https://a.example/x'), { kind: 'external', url: 'https://a.example/x' });
    assert.deepEqual(classifyLink('mailto:a@example.com'), { kind: 'external', url: 'mailto:a@example.com' });
    assert.deepEqual(classifyLink('#user-content-timeline'), { kind: 'fragment', id: 'user-content-timeline' });
    assert.deepEqual(classifyLink('../runbooks/db%20locks.md#top'), { kind: 'relative', path: '../runbooks/db locks.md', fragment: 'top' });
    for (const href of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', 'command:workbench.action.terminal.new', 'vscode://x', '//evil.example/x', '\\\\evil\\share', '']) {
      assert.equal(classifyLink(href).kind, 'blocked', href);
    }
  });
});
