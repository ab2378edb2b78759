// Globs as regular-expression source: `*`, `?`, `**` across folders, `{a,b}` alternatives and
// `[abc]` classes. Each wildcard becomes one character class (or a repeated "any folder" group
// that must end at a "/"), so matching stays linear-ish on paths. Callers anchor it as they need.
export function globSource(glob: string): string {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        re += body.startsWith('!') ? `[^/${body.slice(1)}]` : `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else if ('\\^$.|+()]{}'.includes(c)) re += '\\' + c;
    else re += c;
  }
  return re + ')'.repeat(braces);
}
