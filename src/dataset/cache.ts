/**
 * The article cache: what a per-article stage (clean, segment, extract) made of each article, keyed by
 * everything that decides it: the stage, the code fingerprint (src/ and pipeline/ whole, the NLP
 * models, dictionaries and package-lock.json included: see codeFingerprint), the settings the stage
 * reads, and the article's own input line byte for byte. A rebuild reruns only articles whose key
 * changed; a code change anywhere in src/ or pipeline/ changes every key.
 *
 * Layout: OUT/.cache/<stage>.pack, a header line `#<sha256 of code fingerprint and settings>` (a pack of
 * other code is not read at all), then one line per article in the order of the last run,
 * `<sha256 key>\t<JSON value>`. A run reads the previous pack alongside its input, in order: `locate`
 * scans the pack's keys (only where each value lies is held, never the values), at most WINDOW entries
 * ahead: an unchanged article is found there, a new or changed one is a miss, entries passed over
 * (removed articles) are dropped. `read` then fetches a found value from the pack when its article's
 * turn comes. Memory stays flat whatever the corpus size; the price is that a block of more than WINDOW
 * removed articles in a row makes the articles after it misses (they are redone: slower, never wrong).
 * Because values are not held, a stage can look far ahead for its misses and send them to the workers
 * early (per-article.ts). The run writes a new pack (every article, hit or not) to a temporary file
 * that replaces the old one only when the stage succeeded, so a killed or failed build leaves the
 * previous pack whole. Deleting OUT/.cache is always safe.
 */
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { BlockReader } from '../util/files.ts';
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
/** Bytes read from the pack at a time, by the key scan and by `read`. */
const BLOCK = 1024 * 1024;
const NEWLINE = 0x0a;
const TAB = 0x09;

/** Where a value lies in the previous pack (from `locate`, for `read`). */
export interface PackEntry {
  offset: number;
  length: number;
}

/**
 * The entries of a pack file, in order, as keys and places: read in blocks, the values skipped. A last
 * line without its newline is not an entry (a pack is renamed into place whole, so there is none).
 */
class PackScan {
  private buf = Buffer.alloc(0);
  private bufStart = 0; // file offset of buf[0]
  private pos = 0; // file offset of the next line
  private eof = false;
  constructor(private fh: FileHandle) {}

  /** The next line as its first bytes (up to 65: a key and its tab) and where it lies; null at the end. */
  async next(): Promise<{ head: string; offset: number; length: number } | null> {
    const start = this.pos;
    let head: string | null = null;
    let from = start; // where to look for the newline (file offset, never before bufStart)
    for (;;) {
      const s = start - this.bufStart; // the line's start in buf (kept there until its head is taken)
      const nl = this.buf.indexOf(NEWLINE, from - this.bufStart);
      if (nl !== -1) {
        head ??= this.buf.toString('latin1', s, Math.min(s + 65, nl));
        this.pos = this.bufStart + nl + 1;
        return { head, offset: start, length: this.bufStart + nl - start };
      }
      if (this.eof) return null;
      // A long line (a value may span many blocks): only its head is kept, the rest is passed over.
      if (head === null && this.buf.length - s >= 65) head = this.buf.toString('latin1', s, s + 65);
      const keep = head === null ? this.buf.subarray(s) : Buffer.alloc(0);
      from = this.bufStart + this.buf.length;
      const block = Buffer.allocUnsafe(BLOCK);
      const { bytesRead } = await this.fh.read(block, 0, BLOCK, from);
      if (bytesRead === 0) this.eof = true;
      this.bufStart = from - keep.length;
      this.buf = keep.length ? Buffer.concat([keep, block.subarray(0, bytesRead)]) : block.subarray(0, bytesRead);
    }
  }
}

export class ArticleCache {
  readonly path: string;
  private scanFile: FileHandle | null = null;
  private scan: PackScan | null = null;
  private valueFile: FileHandle | null = null;
  private values: BlockReader | null = null;
  private ahead = new Map<string, PackEntry>();
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
    this.scanFile = await open(this.path).catch(() => null);
    this.exhausted = true;
    if (this.scanFile) {
      this.scan = new PackScan(this.scanFile);
      // A pack made by other code or settings holds no key of this run: not read at all.
      const first = await this.scan.next();
      if (first && first.length === header.length && first.head === header) {
        this.exhausted = false;
        this.valueFile = await open(this.path);
        this.values = new BlockReader(this.valueFile, BLOCK);
      }
    }
    this.writer = new LineWriter(`${this.path}.tmp`);
    await this.writer.write(header);
  }

  /** Where the value stored under `key` lies, or undefined. Calls are answered in call order. */
  locate(key: string): Promise<PackEntry | undefined> {
    const r = this.chain.then(() => this.find(key));
    this.chain = r.catch(() => {});
    return r;
  }

  /**
   * The value `locate` found, as its JSON text. Values are read in blocks going forward: reading
   * them in the order they were located reads the pack once.
   */
  async read(e: PackEntry): Promise<string> {
    return (await this.values!.read(e.offset, e.length)).toString('utf8');
  }

  /** The value stored under `key` as its JSON text, or undefined (locate, then read). */
  async get(key: string): Promise<string | undefined> {
    const e = await this.locate(key);
    return e && this.read(e);
  }

  private async find(key: string): Promise<PackEntry | undefined> {
    while (!this.ahead.has(key) && !this.exhausted && this.ahead.size < WINDOW) {
      const line = await this.scan!.next();
      if (!line) {
        this.exhausted = true;
        break;
      }
      if (line.length <= 65 || line.head.charCodeAt(64) !== TAB) continue; // not an entry
      this.ahead.set(line.head.slice(0, 64), { offset: line.offset + 65, length: line.length - 65 });
    }
    const e = this.ahead.get(key);
    if (e === undefined) {
      this.misses++;
      return undefined;
    }
    // Entries before this one belong to articles removed (or moved): drop them.
    for (const k of this.ahead.keys()) {
      this.ahead.delete(k);
      if (k === key) break;
    }
    this.hits++;
    return e;
  }

  /** Record an article's value (as JSON text) in the new pack; called in input order for every article. */
  put(key: string, json: string): Promise<void> {
    return this.writer!.write(`${key}\t${json}`);
  }

  private async closeOld(): Promise<void> {
    await Promise.all([this.scanFile?.close(), this.valueFile?.close()]);
    this.scanFile = this.valueFile = null;
    this.values = null;
    this.ahead.clear();
  }

  /** The stage succeeded: the new pack replaces the old. */
  async commit(): Promise<void> {
    await this.closeOld();
    await this.writer!.close();
    await rename(`${this.path}.tmp`, this.path);
  }

  /** The stage failed: keep the old pack. */
  async abandon(): Promise<void> {
    await this.closeOld().catch(() => {});
    await this.writer?.close().catch(() => {});
    await rm(`${this.path}.tmp`, { force: true });
  }
}
