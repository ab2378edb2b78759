// The sanitising schema: GitHub's (hast-util-sanitize's default), narrowed. Links may only be
// http, https or mailto (the preview opens nothing else) and images only https, so `data:`,
// `javascript:` and every other scheme are dropped whatever their case or encoding. Elements
// whose content is code or markup rather than prose are removed with their content instead of
// being unwrapped, so a `<style>` or `<svg>` block does not turn into a wall of text.
import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';

const STRIPPED = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed', 'noframes',
  'template', 'textarea', 'select', 'option', 'title', 'xmp', 'svg', 'math', 'canvas', 'audio', 'video', 'head', 'link', 'meta', 'base',
];

export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  // `form`, `input` (other than task checkboxes) and friends are already absent from tagNames;
  // GitHub's schema still lets `action` and `method` through on any element, which nothing needs.
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'action' && a !== 'method' && a !== 'encType' && a !== 'acceptCharset'),
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['https'],
    cite: ['http', 'https'],
    longDesc: ['https'],
  },
  strip: STRIPPED,
};
