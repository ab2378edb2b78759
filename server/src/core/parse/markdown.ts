// The one Markdown parser: unified + remark-parse, with GFM (tables, task lists) and front matter.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

const withFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
// Front matter exists only at the top of a file. A later block that starts with "---" must not be
// offered to the front-matter extension: when its fence never closes, the extension leaves ordered
// lists unable to interrupt paragraphs for the rest of the text.
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm).freeze();

// remark-gfm's tree transforms (autolink literals) recurse: ~6,000 nested block quotes or ~3,000
// nested lists in one block overflow the call stack. Such a block is read without GFM instead,
// which recurses nowhere (its tables and task boxes, if it has any, are lost; its text is not).
const plainWithFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const plain = unified().use(remarkParse).freeze();

/** Parses Markdown to an mdast tree whose offsets are relative to `text`. */
export function parseMarkdown(text: string, atDocumentStart = true): Root {
  try {
    return (atDocumentStart ? withFrontMatter : withoutFrontMatter).parse(text) as Root;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  try {
    return (atDocumentStart ? plainWithFrontMatter : plain).parse(text) as Root;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // Deeper still: the block gives no lines (nothing in it is read) rather than no analysis at all.
    return { type: 'root', children: [] };
  }
}
