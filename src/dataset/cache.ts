/**
 * The article cache: what a per-article stage (clean, segment, extract) made of each article, keyed by
 * everything that decides it: the stage, the code fingerprint (src/ and pipeline/ whole, the NLP
 * models, dictionaries and package-lock.json included: see codeFingerprint), the settings the stage
 * reads, and the article's own input line byte for byte. A rebuild reruns only articles whose key
 * changed; a code change anywhere in src/ or pipeline/ changes every key.
 *
 * Layout: OUT/.cache/<stage>.pack, a header line `#<sha256 of code fingerprint and settings>` (a pack of
 * other code is not read at all), then one line per article in the order of the last run,
 * `<sha256 key>\t<JSON value>`. A run reads the previous pack alongside its input, in order, holding
 * at most WINDOW entries (and WINDOW_BYTES) of it ahead: an unchanged article is found there, a new
 * or changed one is a miss, entries passed over (removed articles) are dropped. Memory stays flat
 * whatever the corpus size; the price is that a block of more than WINDOW removed articles in a row
 * makes the articles after it misses (they are redone: slower, never wrong). The run writes a new
 * pack (every article, hit or not) to a temporary file that replaces the old one only when the stage
 * succeeded, so a killed or failed build leaves the previous pack whole. Deleting OUT/.cache is
 * always safe.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createInterface, type Interface } from 'node:readline';
import { exists } from '../util/files.ts';
import { codeFingerprint } from './stage.ts';
import { join } from 'node:path';
import { sha256 } from '../util/ids.ts';
import { LineWriter } from '../util/jsonl.ts';

/**
 * What a stage's cache keys hold besides the article: the stage, the code fingerprint, the Node.js and
 * ICU versions (Intl.Segmenter and case mapping come from them) and the settings the stage reads.
 */
export async function cacheSalt(stage: string, settings: string): Promise<string> {
  return [stage, await codeFingerprint(), `node=${process.versions.node} icu=${process.versions.icu ?? ''}`, settings].join('\n');
}

export const WINDOW = 8192;
export const WINDOW_BYTES = 128 * 1024 * 1024;

export class ArticleCache {
  readonly path: string;
  private lines: Interface | null = null;
  private reader: AsyncIterator<string> | null = null;
  private ahead = new Map<string, string>();
  private aheadBytes = 0;
  private exhausted = false;
  private writer: LineWriter | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  hits = 0;
  misses = 0;

  constructor(out: string, readonly stage: string, private salt: string) {
    this.path = join(out, '.cache', `${stage}.pack`);
  }

  key(line: string): string {
    return sha256(`${this.salt}\n${line}`);
  }

  /** Start a run: the previous pack (if any) is read as the run goes; the new one is written beside it. */
  async open(): Promise<void> {
    await mkdir(join(this.path, '..'), { recursive: true });
    const header = `#${sha256(this.salt)}`;
    if (await exists(this.path)) {
      this.lines = createInterface({ input: createReadStream(this.path, { encoding: 'utf8' }), crlfDelay: Infinity });
      this.reader = this.lines[Symbol.asyncIterator]();
      // A pack made by other code or settings holds no key of this run: not read at all.
      const first = await this.reader.next();
      if (first.done || first.value !== header) {
        this.lines.close();
        this.exhausted = true;
      }
    } else this.exhausted = true;
    this.writer = new LineWriter(`${this.path}.tmp`);
    await this.writer.write(header);
  }

  /** The value stored under `key` as its JSON text, or undefined. Calls are answered in call order. */
  get(key: string): Promise<string | undefined> {
    const r = this.chain.then(() => this.find(key));
    this.chain = r.catch(() => {});
    return r;
  }

  private async find(key: string): Promise<string | undefined> {
    while (!this.ahead.has(key) && !this.exhausted && this.ahead.size < WINDOW && this.aheadBytes < WINDOW_BYTES) {
      let next: IteratorResult<string>;
      try {
        next = await this.reader!.next();
      } catch {
        next = { done: true, value: undefined }; // no previous pack
      }
      if (next.done) {
        this.exhausted = true;
        break;
      }
      const tab = next.value.indexOf('\t');
      if (tab !== 64) continue; // not an entry (a truncated line cannot be: the pack is renamed whole)
      const k = next.value.slice(0, 64);
      const v = next.value.slice(65);
      this.ahead.set(k, v);
      this.aheadBytes += v.length;
    }
    const v = this.ahead.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    // Entries before this one belong to articles removed (or moved): drop them.
    for (const [k, old] of this.ahead) {
      this.ahead.delete(k);
      this.aheadBytes -= old.length;
      if (k === key) break;
    }
    this.hits++;
    return v;
  }

  /** Record an article's value (as JSON text) in the new pack; called in input order for every article. */
  put(key: string, json: string): Promise<void> {
    return this.writer!.write(`${key}\t${json}`);
  }

  /** The stage succeeded: the new pack replaces the old. */
  async commit(): Promise<void> {
    this.lines?.close();
    await this.writer!.close();
    await rename(`${this.path}.tmp`, this.path);
    this.ahead.clear();
  }

  /** The stage failed: keep the old pack. */
  async abandon(): Promise<void> {
    this.lines?.close();
    await this.writer?.close().catch(() => {});
    await rm(`${this.path}.tmp`, { force: true });
  }
}
