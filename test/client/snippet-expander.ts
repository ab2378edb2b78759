// A small expander for VS Code snippet bodies (the TextMate-style grammar VS Code documents):
// $1, ${1}, ${1:default}, ${1|a,b|}, $VAR, ${VAR}, ${VAR:default} and backslash escapes. Strict
// where VS Code is lenient: an unescaped "$" or "}" that VS Code would keep as text, an unknown
// variable or a transform is a syntax error here, so a body that parses means what it says.
export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

export class SnippetSyntaxError extends Error {}

/** The variables VS Code resolves in snippets (https://code.visualstudio.com/docs/editing/userdefinedsnippets). */
export const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME', 'TM_FILENAME_BASE',
  'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER',
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE',
  'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET', 'RANDOM', 'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  private fail(message: string): never {
    throw new SnippetSyntaxError(`${message} at offset ${this.i}: ${JSON.stringify(this.s.slice(Math.max(0, this.i - 20), this.i + 20))}`);
  }

  parse(): SnippetNode[] {
    const nodes = this.any(false);
    if (this.i < this.s.length) this.fail('unexpected "}"');
    return nodes;
  }

  /** Nodes up to the end, or up to the "}" closing the construct we are inside. */
  private any(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '\\') {
        const next = this.s[this.i + 1];
        // VS Code: "\" escapes $, } and \; before anything else it is itself.
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.i += 2;
        } else {
          text += c;
          this.i++;
        }
      } else if (c === '$') {
        flush();
        nodes.push(this.dollar());
      } else if (c === '}') {
        if (nested) break;
        this.fail('unescaped "}"');
      } else {
        text += c;
        this.i++;
      }
    }
    flush();
    return nodes;
  }

  private dollar(): SnippetNode {
    const rest = this.s.slice(this.i + 1);
    let m = /^\d+/.exec(rest);
    if (m) {
      this.i += 1 + m[0].length;
      return { kind: 'tabstop', index: Number(m[0]) };
    }
    m = /^[_A-Za-z][_A-Za-z0-9]*/.exec(rest);
    if (m) {
      this.i += 1 + m[0].length;
      return this.variable(m[0]);
    }
    if (rest[0] !== '{') this.fail('unescaped "$"');
    this.i += 2;
    m = /^\d+/.exec(this.s.slice(this.i));
    if (m) {
      const index = Number(m[0]);
      this.i += m[0].length;
      const c = this.s[this.i];
      if (c === '}') {
        this.i++;
        return { kind: 'tabstop', index };
      }
      if (c === ':') {
        this.i++;
        const children = this.any(true);
        this.close();
        return { kind: 'tabstop', index, children };
      }
      if (c === '|') {
        this.i++;
        return { kind: 'choice', index, options: this.choices() };
      }
      this.fail('expected "}", ":" or "|" after a tab stop number');
    }
    m = /^[_A-Za-z][_A-Za-z0-9]*/.exec(this.s.slice(this.i));
    if (!m) this.fail('expected a number or a variable name after "${"');
    this.i += m[0].length;
    const c = this.s[this.i];
    if (c === '}') {
      this.i++;
      return this.variable(m[0]);
    }
    if (c === ':') {
      this.i++;
      const children = this.any(true);
      this.close();
      return { ...this.variable(m[0]), children };
    }
    if (c === '/') this.fail('variable transforms are not supported');
    this.fail('expected "}" or ":" after a variable name');
  }

  private variable(name: string): SnippetNode & { kind: 'variable' } {
    if (!KNOWN_VARIABLES.has(name)) this.fail(`unknown variable ${name}`);
    return { kind: 'variable', name };
  }

  private close(): void {
    if (this.s[this.i] !== '}') this.fail('missing "}"');
    this.i++;
  }

  /** "a,b|}" after "${1|": options with \, \| \$ \} \\ escapes. */
  private choices(): string[] {
    const options: string[] = [];
    let option = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '\\' && ',|$}\\'.includes(this.s[this.i + 1] ?? '')) {
        option += this.s[this.i + 1];
        this.i += 2;
      } else if (c === ',') {
        options.push(option);
        option = '';
        this.i++;
      } else if (c === '|' && this.s[this.i + 1] === '}') {
        options.push(option);
        this.i += 2;
        if (options.some((o) => o === '')) this.fail('empty choice');
        return options;
      } else if (c === '$' || c === '}' || c === '|') {
        this.fail(`unescaped "${c}" in a choice`);
      } else {
        option += c;
        this.i++;
      }
    }
    this.fail('unterminated choice');
  }
}

export function parseSnippet(body: string): SnippetNode[] {
  return new Parser(body).parse();
}

function walk(nodes: readonly SnippetNode[], visit: (n: SnippetNode) => void): void {
  for (const n of nodes) {
    visit(n);
    if ((n.kind === 'tabstop' || n.kind === 'variable') && n.children) walk(n.children, visit);
  }
}

/** Tab-stop indexes, each with how often it occurs and whether it is a choice. */
export function tabStops(nodes: readonly SnippetNode[]): Map<number, { count: number; choice: boolean; defaults: number }> {
  const stops = new Map<number, { count: number; choice: boolean; defaults: number }>();
  walk(nodes, (n) => {
    if (n.kind !== 'tabstop' && n.kind !== 'choice') return;
    const s = stops.get(n.index) ?? { count: 0, choice: false, defaults: 0 };
    s.count++;
    if (n.kind === 'choice') s.choice = true;
    if (n.kind === 'choice' || n.children?.length) s.defaults++;
    stops.set(n.index, s);
  });
  return stops;
}

/**
 * The text VS Code inserts when every tab stop keeps its default: a tab stop without one takes
 * the default of another with the same index (VS Code mirrors them), a choice its first option,
 * a variable its value, or its default when the value is empty.
 */
export function expandSnippet(body: string | readonly string[], variables: Readonly<Record<string, string>>): string {
  const nodes = parseSnippet(typeof body === 'string' ? body : body.join('\n'));
  const defaults = new Map<number, SnippetNode[]>();
  walk(nodes, (n) => {
    if (n.kind === 'tabstop' && n.children?.length && !defaults.has(n.index)) defaults.set(n.index, n.children);
    if (n.kind === 'choice' && !defaults.has(n.index)) defaults.set(n.index, [{ kind: 'text', value: n.options[0]! }]);
  });
  const render = (list: readonly SnippetNode[]): string =>
    list
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return n.value;
          case 'choice':
            return n.options[0]!;
          case 'tabstop':
            return render(n.children?.length ? n.children : (defaults.get(n.index) ?? []));
          case 'variable': {
            const value = variables[n.name];
            if (value === undefined) throw new SnippetSyntaxError(`no value given for variable ${n.name}`);
            return value === '' && n.children ? render(n.children) : value;
          }
        }
      })
      .join('');
  return render(nodes);
}

/** Snippet variables for a moment seen from a zone `offsetMinutes` east of UTC. */
export function clockVariables(at: Date, offsetMinutes: number): Record<string, string> {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return {
    CURRENT_YEAR: String(local.getUTCFullYear()),
    CURRENT_YEAR_SHORT: String(local.getUTCFullYear()).slice(-2),
    CURRENT_MONTH: pad(local.getUTCMonth() + 1),
    CURRENT_DATE: pad(local.getUTCDate()),
    CURRENT_HOUR: pad(local.getUTCHours()),
    CURRENT_MINUTE: pad(local.getUTCMinutes()),
    CURRENT_SECOND: pad(local.getUTCSeconds()),
    CURRENT_TIMEZONE_OFFSET: `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
  };
}
