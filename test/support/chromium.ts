/**
 * Headless Chromium for the tests, driven over the DevTools protocol on a pipe
 * (--remote-debugging-pipe: no port is opened, not even on loopback). No background networking, no
 * sandbox (containers), no GPU; host names resolve to nothing, so a page that tries the network fails
 * loudly instead of reaching out. Each browser has its own profile folder, removed when it closes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The Chromium binary: $CHROMIUM, or chromium / chromium-browser / google-chrome on PATH; null when none. */
export function findChromium(): string | null {
  if (process.env.CHROMIUM) return existsSync(process.env.CHROMIUM) ? process.env.CHROMIUM : null;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-extensions',
  '--disable-sync',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--hide-scrollbars',
  '--mute-audio',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--remote-debugging-pipe',
];

type Json = Record<string, unknown>;
interface Pending {
  resolve: (v: Json) => void;
  reject: (e: Error) => void;
  method: string;
}

export interface PageLog {
  /** console.error / console.assert calls, uncaught exceptions and browser log entries at level error. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
}

export class Page {
  readonly log: PageLog = { errors: [], requests: [] };
  constructor(
    private browser: Browser,
    readonly sessionId: string,
  ) {}

  send(method: string, params: Json = {}): Promise<Json> {
    return this.browser.send(method, params, this.sessionId);
  }

  /** Evaluate an expression in the page; its value, JSON-serialised by the browser. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = (await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  }

  /** Wait until an expression is truthy; its value. */
  async waitFor<T>(expression: string, timeoutMs = 30_000): Promise<T> {
    const t0 = Date.now();
    for (;;) {
      const v = await this.evaluate<T>(expression);
      if (v) return v;
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A PNG of the whole page (not only the viewport). */
  async screenshot(path: string): Promise<{ width: number; height: number }> {
    const m = (await this.send('Page.getLayoutMetrics')) as { cssContentSize: { width: number; height: number } };
    const width = Math.ceil(m.cssContentSize.width);
    const height = Math.ceil(m.cssContentSize.height);
    const shot = (await this.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 } })) as { data: string };
    await writeFile(path, Buffer.from(shot.data, 'base64'));
    return { width, height };
  }
}

export class Browser {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private pages = new Map<string, Page>();
  private listeners: Array<(msg: Json) => void> = [];
  private buffer = '';
  private closed = false;
  /** Chromium's own stderr, for a failure message. */
  stderr = '';

  private constructor(
    private proc: ChildProcess,
    private profile: string,
  ) {
    const input = proc.stdio[4] as Readable;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf('\0'); end !== -1; end = this.buffer.indexOf('\0')) {
        const text = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        this.dispatch(JSON.parse(text) as Json);
      }
    });
    proc.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    proc.on('exit', () => {
      this.closed = true;
      for (const p of this.pending.values()) p.reject(new Error(`chromium exited while waiting for ${p.method}: ${this.stderr.slice(-800)}`));
      this.pending.clear();
    });
  }

  static async launch(binary = findChromium()): Promise<Browser> {
    if (!binary) throw new Error('no Chromium found (apt-get install chromium, or set CHROMIUM)');
    const profile = await mkdtemp(join(tmpdir(), 'newsledger-chromium-'));
    const proc = spawn(binary, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    const b = new Browser(proc, profile);
    await new Promise<void>((resolve, reject) => {
      proc.once('spawn', () => resolve());
      proc.once('error', reject);
    });
    await b.send('Browser.getVersion');
    return b;
  }

  private dispatch(msg: Json): void {
    if (typeof msg.id === 'number') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${(msg.error as { message: string }).message}`));
      else p.resolve((msg.result ?? {}) as Json);
      return;
    }
    const page = typeof msg.sessionId === 'string' ? this.pages.get(msg.sessionId) : undefined;
    const params = (msg.params ?? {}) as Json;
    if (page) {
      if (msg.method === 'Runtime.consoleAPICalled' && (params.type === 'error' || params.type === 'assert')) {
        page.log.errors.push(`console.${params.type}: ${((params.args as Array<{ value?: unknown; description?: string }>) ?? []).map((a) => a.description ?? String(a.value)).join(' ')}`);
      } else if (msg.method === 'Runtime.exceptionThrown') {
        const d = params.exceptionDetails as { text: string; exception?: { description?: string } };
        page.log.errors.push(`exception: ${d.exception?.description ?? d.text}`);
      } else if (msg.method === 'Log.entryAdded') {
        const e = params.entry as { level: string; text: string; url?: string };
        if (e.level === 'error') page.log.errors.push(`log: ${e.text}${e.url ? ` (${e.url})` : ''}`);
      } else if (msg.method === 'Network.requestWillBeSent') {
        page.log.requests.push((params.request as { url: string }).url);
      }
    }
    for (const l of this.listeners) l(msg);
  }

  send(method: string, params: Json = {}, sessionId?: string): Promise<Json> {
    if (this.closed) return Promise.reject(new Error(`chromium is closed (${method})`));
    const id = this.nextId++;
    const out = this.proc.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      out.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }

  private once(method: string, sessionId: string, timeoutMs: number): Promise<Json> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}`));
      }, timeoutMs);
      const listener = (msg: Json) => {
        if (msg.method !== method || msg.sessionId !== sessionId) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve((msg.params ?? {}) as Json);
      };
      this.listeners.push(listener);
    });
  }

  /** Open a URL in a new tab of the given width; resolves when the page has loaded. */
  async open(url: string, opts: { width?: number; height?: number; timeoutMs?: number } = {}): Promise<Page> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const page = new Page(this, sessionId);
    this.pages.set(sessionId, page);
    for (const domain of ['Page', 'Runtime', 'Log', 'Network']) await page.send(`${domain}.enable`);
    await page.send('Emulation.setDeviceMetricsOverride', { width: opts.width ?? 1200, height: opts.height ?? 900, deviceScaleFactor: 1, mobile: false });
    const loaded = this.once('Page.loadEventFired', sessionId, opts.timeoutMs ?? 30_000);
    const nav = (await page.send('Page.navigate', { url })) as { errorText?: string };
    if (nav.errorText) throw new Error(`cannot open ${url}: ${nav.errorText}`);
    await loaded;
    return page;
  }

  /** Close the browser and remove its profile. */
  async close(): Promise<void> {
    if (!this.closed) {
      const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
      this.send('Browser.close').catch(() => {});
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(this.profile, { recursive: true, force: true });
  }
}
