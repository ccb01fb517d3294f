/**
 * The coordinator's record of results collected from workers and not yet in the article cache:
 * OUT/.cache/remote.spool, lines `<64-hex key>\t<JSON value>`, appended as results arrive. The article
 * cache (src/dataset/cache.ts) is written whole when a stage ends; this file is what lets a coordinator
 * killed in the middle of a stage start again without sending the articles already done. Only the keys
 * and their offsets are held in memory; values are read back from the file when asked for. A torn last
 * line (a kill mid-append) is ignored. Deleted when the build's per-article stages are done.
 */
import { closeSync, openSync, readSync, writeSync, fstatSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export class ResultSpool {
  private index = new Map<string, { at: number; bytes: number }>();
  private fd: number | null = null;
  private size = 0;

  constructor(readonly path: string) {}

  get entries(): number {
    return this.index.size;
  }

  async open(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    this.fd = openSync(this.path, 'a+');
    const total = fstatSync(this.fd).size;
    // Scan in chunks: offsets of complete lines only.
    const chunk = Buffer.alloc(1 << 20);
    let pos = 0;
    let carry = Buffer.alloc(0);
    let lineStart = 0;
    while (pos < total) {
      const n = readSync(this.fd, chunk, 0, chunk.length, pos);
      if (n <= 0) break;
      const buf = Buffer.concat([carry, chunk.subarray(0, n)]);
      let from = 0;
      for (let nl = buf.indexOf(10, from); nl !== -1; nl = buf.indexOf(10, from)) {
        if (nl - from > 65 && buf[from + 64] === 9) {
          const key = buf.toString('latin1', from, from + 64);
          this.index.set(key, { at: lineStart + 65, bytes: nl - from - 65 });
        }
        lineStart += nl - from + 1;
        from = nl + 1;
      }
      carry = Buffer.from(buf.subarray(from));
      pos += n;
    }
    // A torn last line is cut off so the next append starts a line of its own.
    this.size = lineStart;
    if (lineStart < total) {
      closeSync(this.fd);
      const { truncate } = await import('node:fs/promises');
      await truncate(this.path, lineStart);
      this.fd = openSync(this.path, 'a+');
    }
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  /** The value's JSON text, or undefined. */
  get(key: string): string | undefined {
    const e = this.index.get(key);
    if (!e) return undefined;
    const buf = Buffer.alloc(e.bytes);
    readSync(this.fd!, buf, 0, e.bytes, e.at);
    return buf.toString('utf8');
  }

  put(key: string, json: string): void {
    if (this.index.has(key)) return;
    const line = Buffer.from(`${key}\t${json}\n`, 'utf8');
    writeSync(this.fd!, line);
    this.index.set(key, { at: this.size + 65, bytes: line.length - 66 });
    this.size += line.length;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** The results are in the article cache now. */
  async remove(): Promise<void> {
    this.close();
    this.index.clear();
    await rm(this.path, { force: true });
  }
}
