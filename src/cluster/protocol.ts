/**
 * What travels through Redis between a coordinator (`newsledger build --redis`) and its workers
 * (`newsledger worker --redis`), and the checks each side makes of what it receives. Pure: no Redis.
 *
 * A batch job carries the per-article tasks of pipeline/tasks.ts ({ task: clean | segment | extract,
 * line }), the build settings, and the code and runtime fingerprint the results must be made with. The
 * worker answers by adding one result job to the results queue: per task its value (what the task
 * returns in a local build) or the error the task threw. Both sides check: a worker refuses a job of
 * other code, rejects a malformed one; the coordinator rejects results that do not fit the tasks.
 */
import { hostname } from 'node:os';
import { codeFingerprint, type BuildSettings } from '../dataset/stage.ts';
import { sha256 } from '../util/ids.ts';

/** Bumped when the shape of jobs or results changes (part of what a worker checks). */
export const PROTOCOL = 1;
export const DEFAULT_QUEUE = 'newsledger';
export const resultsQueueName = (queue: string) => `${queue}.results`;
/** Prefix of a refusal's reason: the coordinator tells refusals (resend elsewhere) from failures. */
export const REFUSED = 'refused:';
export const MALFORMED = 'malformed job payload:';

export const TASK_KINDS = ['clean', 'segment', 'extract'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export interface ArticleTask {
  task: TaskKind;
  line: string;
}

/** What decides a result besides its input: the code (src/, pipeline/, lockfile) and the runtime (Intl.Segmenter, case mapping come from Node's ICU). */
export interface Fingerprint {
  code: string;
  runtime: string;
}

export async function localFingerprint(): Promise<Fingerprint> {
  return { code: await codeFingerprint(), runtime: `node=${process.versions.node} icu=${process.versions.icu ?? ''}` };
}

export interface BatchJob {
  protocol: number;
  fingerprint: Fingerprint;
  settings: BuildSettings;
  tasks: ArticleTask[];
  /** per task, the coordinator's key for it (echoed in the result; see taskKey) */
  keys: string[];
}

export type TaskOutcome = { task: TaskKind; ok: true; value: unknown } | { task: TaskKind; ok: false; error: string };

export interface ResultJob {
  protocol: number;
  /** the batch job's id */
  batch: string;
  keys: string[];
  outcomes: TaskOutcome[];
  /** host:pid of the worker, for progress and messages */
  worker: string;
}

export const workerName = () => `${hostname()}:${process.pid}`;

/** The key of one task's result: the fingerprint, the settings, the task and its input line. */
export function taskKey(fp: Fingerprint, settings: BuildSettings, task: ArticleTask): string {
  return sha256([PROTOCOL, fp.code, fp.runtime, JSON.stringify(settings), task.task, task.line].join('\n'));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** A job's data as a BatchJob, or throws naming what is wrong (the worker fails such a job without retrying it). */
export function parseBatchJob(data: unknown): BatchJob {
  const bad = (why: string): never => {
    throw new Error(`${MALFORMED} ${why}`);
  };
  if (!isObject(data)) return bad(`expected an object, got ${Array.isArray(data) ? 'an array' : typeof data}`);
  if (data.protocol !== PROTOCOL) bad(`protocol ${JSON.stringify(data.protocol)}, this worker speaks ${PROTOCOL}`);
  const fp = data.fingerprint;
  if (!isObject(fp) || typeof fp.code !== 'string' || typeof fp.runtime !== 'string') bad('fingerprint must be { code, runtime } strings');
  const s = data.settings;
  if (!isObject(s) || (s.statement_scope !== 'speech' && s.statement_scope !== 'attribution') || !Number.isInteger(s.max_rejects_per_file) || (s.home_country !== undefined && typeof s.home_country !== 'string')) {
    bad('settings must hold statement_scope (speech or attribution), max_rejects_per_file and home_country (a string)');
  }
  if (!Array.isArray(data.tasks) || data.tasks.length === 0) bad('tasks must be a non-empty array');
  (data.tasks as unknown[]).forEach((t, i) => {
    if (!isObject(t) || !TASK_KINDS.includes(t.task as TaskKind) || typeof t.line !== 'string') bad(`task ${i} must be { task: ${TASK_KINDS.join(' | ')}, line: string }`);
  });
  if (!isStringArray(data.keys) || data.keys.length !== (data.tasks as unknown[]).length) bad('keys must be one string per task');
  return data as unknown as BatchJob;
}

/** Why a worker of fingerprint `mine` must not run a job made for `wanted`, or null when it may. */
export function refusal(mine: Fingerprint, wanted: Fingerprint): string | null {
  if (mine.code !== wanted.code) {
    return `${REFUSED} this worker runs code ${mine.code.slice(0, 12)}, the build needs code ${wanted.code.slice(0, 12)} (update the worker's checkout to the coordinator's commit and run npm ci)`;
  }
  if (mine.runtime !== wanted.runtime) return `${REFUSED} this worker runs ${mine.runtime}, the build needs ${wanted.runtime} (sentence splitting depends on Node's ICU)`;
  return null;
}

/** Why a task's value is not what that task returns in a local build (pipeline/tasks.ts), or null. */
export function valueProblem(task: TaskKind, v: unknown): string | null {
  if (!isObject(v)) return 'not an object';
  switch (task) {
    case 'clean':
      if (typeof v.reject === 'string' && v.article === undefined) return null;
      if (isObject(v.article) && v.reject === undefined && typeof v.article.article_id === 'string' && typeof v.article.text === 'string') return null;
      return 'clean: expected { article: { article_id, text, ... } } or { reject: string }';
    case 'segment':
      return typeof v.line === 'string' && Number.isInteger(v.sentences) ? null : 'segment: expected { line: string, sentences: integer }';
    case 'extract':
      return typeof v.article === 'string' && isStringArray(v.statements) && isStringArray(v.events) && (v.reject === undefined || typeof v.reject === 'string')
        ? null
        : 'extract: expected { article: string, statements: string[], events: string[], reject?: string }';
  }
}

/** A result job's data as a ResultJob, or the reason it fails the schema. */
export function checkResultJob(data: unknown): ResultJob | string {
  if (!isObject(data)) return 'result is not an object';
  if (data.protocol !== PROTOCOL) return `result of protocol ${JSON.stringify(data.protocol)}, expected ${PROTOCOL}`;
  if (typeof data.batch !== 'string' || typeof data.worker !== 'string') return 'result must name its batch and worker';
  if (!isStringArray(data.keys) || !Array.isArray(data.outcomes) || data.keys.length !== data.outcomes.length) return 'result must hold one outcome per key';
  for (const [i, o] of (data.outcomes as unknown[]).entries()) {
    if (!isObject(o) || !TASK_KINDS.includes(o.task as TaskKind)) return `outcome ${i}: no task kind`;
    if (o.ok === true) {
      const p = valueProblem(o.task as TaskKind, o.value);
      if (p) return `outcome ${i}: ${p}`;
    } else if (o.ok !== false || typeof o.error !== 'string') return `outcome ${i}: expected { ok: true, value } or { ok: false, error: string }`;
  }
  return data as unknown as ResultJob;
}

/** Exit code when Redis cannot be reached (EX_UNAVAILABLE, sysexits.h). */
export const REDIS_UNAVAILABLE = 69;

export class RedisUnavailableError extends Error {
  readonly exitCode = REDIS_UNAVAILABLE;
}

/** Redis URL as given on the command line, checked (redis:// or rediss://, host, port). */
export function parseRedisUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--redis must be a URL like redis://HOST:PORT, not ${JSON.stringify(url)}`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`--redis must start with redis:// or rediss://, not ${u.protocol}//`);
  if (!u.hostname) throw new Error(`--redis ${url}: no host`);
  return u;
}
