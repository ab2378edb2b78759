// The new file's name from the `postmortem.newFile.pattern` setting. Variable values never add
// path structure: a title's "/" or ".." becomes part of one name, so only the pattern itself
// (checked by safe-path.ts) decides folders.
export interface NameVariables {
  /** YYYY-MM-DD of the incident's start. */
  date: string;
  title: string;
}

export const PATTERN_VARIABLES = ['date', 'slug', 'title'] as const;

const MAX_SLUG = 60;

/** "Web App: Outage (EU) — Café" -> "web-app-outage-eu-cafe". Letters of any script are kept. */
export function slugify(title: string, maxLength = MAX_SLUG): string {
  const slug = title
    .normalize('NFKD')
    // Accents off Latin letters only: in other scripts a combining mark is part of the letter.
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary when there is one in the second half, so no word is chopped.
  const cut = slug.slice(0, maxLength + 1);
  const dash = cut.lastIndexOf('-');
  return (dash > maxLength / 2 ? cut.slice(0, dash) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/** The title as one file-name fragment: separators and characters Windows forbids become "-". */
function titleFragment(title: string): string {
  return title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .trim();
}

export type Expanded = { ok: true; name: string } | { ok: false; error: string };

export function expandPattern(pattern: string, vars: NameVariables): Expanded {
  const values: Record<(typeof PATTERN_VARIABLES)[number], string> = { date: vars.date, slug: slugify(vars.title), title: titleFragment(vars.title) };
  let error: string | undefined;
  const name = pattern.replace(/\$\{([^}]*)\}/g, (whole, key: string) => {
    if (!(PATTERN_VARIABLES as readonly string[]).includes(key)) {
      error ??= `The file-name pattern uses ${whole}; it knows ${PATTERN_VARIABLES.map((v) => '${' + v + '}').join(', ')}.`;
      return '';
    }
    const value = values[key as keyof typeof values];
    if (!value) error ??= `The title "${vars.title}" gives an empty ${whole}: use some letters or digits.`;
    return value;
  });
  return error ? { ok: false, error } : { ok: true, name };
}
