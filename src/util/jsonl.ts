import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Stream the records of a JSONL file one at a time; memory stays flat whatever the file size. */
export async function* readJsonl<T = unknown>(path: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line) as T;
    } catch (err) {
      throw new Error(`${path}: line ${n}: not valid JSON (${(err as Error).message})`);
    }
  }
}

/** Lines gathered before one write to the stream: one write per line cost more than the lines' bytes. */
const BATCH_CHARS = 64 * 1024;

/** Append-only line writer that respects backpressure; lines reach the file in batches, all of them by close(). */
export class LineWriter {
  private stream: WriteStream;
  private batch: string[] = [];
  private batchChars = 0;
  count = 0;
  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }
  async write(line: string): Promise<void> {
    this.count++;
    this.batch.push(line);
    this.batchChars += line.length;
    if (this.batchChars >= BATCH_CHARS) await this.flush();
  }
  private async flush(): Promise<void> {
    if (!this.batch.length) return;
    const text = this.batch.join('\n') + '\n';
    this.batch = [];
    this.batchChars = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export class JsonlWriter<T = unknown> {
  private lines: LineWriter;
  constructor(readonly path: string) {
    this.lines = new LineWriter(path);
  }
  get count(): number {
    return this.lines.count;
  }
  write(record: T): Promise<void> {
    return this.lines.write(JSON.stringify(record));
  }
  close(): Promise<void> {
    return this.lines.close();
  }
}
