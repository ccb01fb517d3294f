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

/** Append-only line writer that respects backpressure. */
export class LineWriter {
  private stream: WriteStream;
  count = 0;
  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }
  async write(line: string): Promise<void> {
    this.count++;
    if (!this.stream.write(line + '\n')) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
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
