// `[12/74] path` on one rewritten line of stderr, only when stderr is a terminal: logs and pipes
// must never collect carriage returns.
export class Progress {
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number,
  ) {}

  private get enabled(): boolean {
    return this.stream.isTTY === true && this.total > 1;
  }

  update(done: number, path: string): void {
    if (!this.enabled) return;
    const line = `[${done}/${this.total}] ${path}`;
    const width = Math.max(20, (this.stream.columns || 80) - 1);
    // Keep it to one terminal row, or the carriage return cannot rewrite it; keep the file name end.
    const fitted = line.length > width ? `${line.slice(0, 12)}…${line.slice(line.length - width + 13)}` : line;
    this.stream.write(`\r\x1b[K${fitted}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
