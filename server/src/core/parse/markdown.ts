// The one Markdown parser: unified + remark-parse, with GFM (tables, task lists) and front matter.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** Parses Markdown to an mdast tree whose offsets are relative to `text`. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}
