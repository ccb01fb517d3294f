import { createReadStream } from 'node:fs';
import { readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';

/**
 * Every regular file under `root`, as sorted relative POSIX paths (sorted so builds are deterministic).
 * Symbolic links are followed (users link corpora into RAW); a link back to a folder already being walked
 * is skipped, and a dangling link is listed so that reading it becomes a reject with the reason. So is
 * anything else that is not a folder (a FIFO, a socket, a device): the caller must not open it (a FIFO
 * blocks), only report it; `specialKind` says what it is.
 */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walking = new Set<string>();
  async function walk(dir: string): Promise<void> {
    const real = await realpath(dir);
    if (walking.has(real)) return; // a link loop
    walking.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue; // hidden files: editor swap files, .DS_Store, .gitkeep
      const full = join(dir, e.name);
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) isDir = !!(await stat(full).catch(() => null))?.isDirectory();
      if (isDir) await walk(full);
      else out.push(relative(root, full).split(sep).join('/'));
    }
    walking.delete(real);
  }
  await walk(root);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** sha256 and size of a file, streamed. */
export async function fileDigest(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Code-point-order comparison, independent of locale. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a path is when it is neither a regular file nor a folder ("a FIFO", "a socket", "a device"), else null. Never opens it. */
export async function specialKind(path: string): Promise<string | null> {
  const s = await stat(path).catch(() => null);
  if (!s || s.isFile() || s.isDirectory()) return null;
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Byte ranges of an open file, read through one block: ranges asked for in increasing order (rows of a
 * file in its own order) cost one read per block, not one per range.
 */
export class BlockReader {
  private buf = Buffer.alloc(0);
  private start = 0; // file offset of buf[0]
  constructor(private fh: FileHandle, private block = 1024 * 1024) {}

  async read(offset: number, length: number): Promise<Buffer> {
    if (offset < this.start || offset + length > this.start + this.buf.length) {
      const size = Math.max(length, this.block);
      const buf = Buffer.allocUnsafe(size);
      const { bytesRead } = await this.fh.read(buf, 0, size, offset);
      if (bytesRead < length) throw new Error(`a read of ${length} bytes at ${offset} found the file shorter`);
      this.buf = buf.subarray(0, bytesRead);
      this.start = offset;
    }
    return this.buf.subarray(offset - this.start, offset - this.start + length);
  }
}
