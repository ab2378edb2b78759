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

/** Parses Markdown to an mdast tree whose offsets are relative to `text`. */
export function parseMarkdown(text: string, atDocumentStart = true): Root {
  return (atDocumentStart ? withFrontMatter : withoutFrontMatter).parse(text) as Root;
}
