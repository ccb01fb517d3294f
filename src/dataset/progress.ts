/**
 * Progress inside a long stage: articles done / total, rate and ETA. On a terminal one live line,
 * redrawn at most 10 times a second and erased at the end; on a pipe one line every 10 seconds (none
 * for a stage that ends sooner); nothing with quiet. The stage's summary line is the caller's.
 */
export interface ProgressOptions {
  /** no progress at all (--quiet) */
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  /** seconds between lines when the stream is not a terminal */
  pipeEvery?: number;
}

export class Progress {
  private done = 0;
  private readonly t0 = performance.now();
  private lastDraw = 0;
  private drawn = false;
  private readonly tty: boolean;
  private readonly stream: NodeJS.WriteStream;
  private readonly every: number;

  constructor(private label: string, private total: number | null, private unit: string, private opts: ProgressOptions = {}) {
    this.stream = opts.stream ?? process.stderr;
    this.tty = Boolean(this.stream.isTTY);
    this.every = (opts.pipeEvery ?? 10) * 1000;
    this.lastDraw = this.tty ? 0 : this.t0;
  }

  tick(n = 1): void {
    this.done += n;
    if (this.opts.quiet) return;
    const now = performance.now();
    if (now - this.lastDraw < (this.tty ? 100 : this.every)) return;
    this.lastDraw = now;
    const line = this.line(now);
    if (this.tty) {
      this.stream.write(`\r\x1b[K${line}`);
      this.drawn = true;
    } else this.stream.write(line + '\n');
  }

  line(now = performance.now()): string {
    const secs = (now - this.t0) / 1000;
    const rate = secs > 0 ? this.done / secs : 0;
    const of = this.total !== null ? `/${this.total}` : '';
    const pct = this.total ? ` (${Math.floor((100 * this.done) / this.total)}%)` : '';
    const eta = this.total !== null && rate > 0 ? `, ETA ${clock((this.total - this.done) / rate)}` : '';
    return `${this.label.padEnd(9)} ${this.done}${of} ${this.unit}${pct}, ${rate.toFixed(0)}/s${eta}`;
  }

  /** Erase the live line (the caller prints the stage's summary). */
  end(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}

function clock(s: number): string {
  const t = Math.max(0, Math.round(s));
  const m = Math.floor(t / 60);
  return `${m}:${String(t % 60).padStart(2, '0')}`;
}
