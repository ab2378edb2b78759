// The one Markdown parser: unified + remark-parse, with GFM (tables, task lists) and front matter.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

/**
 * What a parse reads: `full` is every construct (the preview renders inline formatting and links);
 * `blocks` leaves out the inline ones (emphasis, code spans, links, autolinks, HTML tags, escapes,
 * character references, strikethrough, footnote calls), so a paragraph is one run of text. The
 * model reads only block structure (model/lines.ts: headings, paragraphs, list items and their
 * task boxes, table rows and cells, HTML and code blocks), and inline constructs do not change it:
 * the blocks and lines come out the same (test/robustness/parse-content.test.ts compares the two
 * parses; the one exception, a task box at the end of its line, is parsed in full by
 * parse/document.ts). Leaving them out made parsing ~15-20% faster, cold (a server's first
 * analysis) and warm.
 */
export type ParseContent = 'full' | 'blocks';

/** Inline constructs by micromark name; task list boxes ('tasklistCheck') stay, the model reads them. */
const INLINE_CONSTRUCTS = [
  'attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText', 'labelStartImage', 'labelStartLink', 'labelEnd',
  'strikethrough', 'wwwAutolink', 'protocolAutolink', 'emailAutolink', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall',
];

/** A unified plugin: micromark skips the inline constructs. */
function withoutInline(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: INLINE_CONSTRUCTS } });
}

/** The four parsers a block may need, for one kind of content. */
function parsers(content: ParseContent) {
  const base = () => (content === 'blocks' ? unified().use(remarkParse).use(withoutInline) : unified().use(remarkParse));
  return {
    withFrontMatter: base().use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze(),
    // Front matter exists only at the top of a file. A later block that starts with "---" must not
    // be offered to the front-matter extension: when its fence never closes, the extension leaves
    // ordered lists unable to interrupt paragraphs for the rest of the text.
    withoutFrontMatter: base().use(remarkGfm).freeze(),
    // remark-gfm's tree transforms (autolink literals) recurse: ~6,000 nested block quotes or ~3,000
    // nested lists in one block overflow the call stack. Such a block is read without GFM instead,
    // which recurses nowhere (its tables and task boxes, if it has any, are lost; its text is not).
    plainWithFrontMatter: base().use(remarkFrontmatter, ['yaml']).freeze(),
    plain: base().freeze(),
  };
}

const PARSERS: Record<ParseContent, ReturnType<typeof parsers>> = { full: parsers('full'), blocks: parsers('blocks') };

/** Parses Markdown to an mdast tree whose offsets are relative to `text`. */
export function parseMarkdown(text: string, atDocumentStart = true, content: ParseContent = 'full'): Root {
  const p = PARSERS[content];
  try {
    return (atDocumentStart ? p.withFrontMatter : p.withoutFrontMatter).parse(text) as Root;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  try {
    return (atDocumentStart ? p.plainWithFrontMatter : p.plain).parse(text) as Root;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // Deeper still: the block gives no lines (nothing in it is read) rather than no analysis at all.
    return { type: 'root', children: [] };
  }
}
