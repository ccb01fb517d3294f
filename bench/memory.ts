/**
 * Where a worker's memory goes (issue 15): loads each structure the extract stage holds, one after
 * another in this thread, and prints what each added (heap used, external/array buffers, RSS) after a
 * full GC; then extracts N articles of a segmented stage file and prints the heap after them.
 * `node --expose-gc --import tsx bench/memory.ts [OUT/.stages/segment/articles.jsonl] [N]`
 */
import { readLines } from '../src/dataset/pool.ts';
import v8 from 'node:v8';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const MB = (n: number) => (n / 1048576).toFixed(1).padStart(7);
function snap() {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, ext: m.external + 0, ab: m.arrayBuffers, rss: m.rss, total: v8.getHeapStatistics().total_heap_size };
}
let last = snap();
console.log('step                         heapUsed  external  arrayBuf       rss   (deltas, MB)');
async function step(name: string, f: () => unknown | Promise<unknown>) {
  const keep = await f();
  const now = snap();
  console.log(`${name.padEnd(28)} ${MB(now.heap - last.heap)}   ${MB(now.ext - last.ext)}   ${MB(now.ab - last.ab)}   ${MB(now.rss - last.rss)}`);
  last = now;
  return keep;
}
const held: unknown[] = [];
held.push(await step('nlp modules', () => import('../src/nlp/index.ts')));
const nlp = await import('../src/nlp/index.ts');
const { PosTagger } = await import('../src/nlp/tagger.ts');
const { DependencyParser } = await import('../src/nlp/parser.ts');
const { EntityTagger } = await import('../src/nlp/entities.ts');
held.push(await step('pos tagger model', () => PosTagger.load()));
held.push(await step('parser model', () => DependencyParser.load()));
held.push(await step('entity model', () => EntityTagger.load()));
held.push(await step('wordnet lexicon', async () => (await import('../src/nlp/wordnet.ts')).wordClasses('running')));
held.push(await step('nlpModels() (shipped set)', () => nlp.nlpModels()));
held.push(await step('events modules+dicts', () => import('../src/events/extract.ts')));
held.push(await step('statements modules+lexicons', () => import('../src/statements/extract.ts')));
held.push(await step('statements tagger model', async () => (await import('../src/statements/tagger/model.ts')).shippedModel()));
held.push(await step('places gazetteer (lazy)', async () => (await import('../src/events/places.ts')).findPlaces([], new Set(), () => '')));
held.push(await step('cameo verb index (lazy)', async () => (await import('../src/events/cameo.ts')).cameoCode([{ lower: 'say' } as never], 0, 'x')));
const { extractLine } = await import('../pipeline/extract-article.ts');
const { DEFAULT_SETTINGS } = await import('../src/dataset/stage.ts');
const file = process.argv[2];
const n = Number(process.argv[3] ?? 200);
if (file) {
  // Lines read one by one (flat strings, not slices of one big file string).
  const lines: string[] = [];
  for await (const l of readLines(file)) {
    if (lines.length >= n) break;
    lines.push(l);
  }
  held.push(await step(`read ${lines.length} input lines`, () => lines));
  let rows = 0;
  const batch = Math.max(1, Math.ceil(lines.length / 4));
  for (let from = 0; from < lines.length; from += batch) {
    await step(`extract articles ${from}-${Math.min(lines.length, from + batch)}`, () => {
      for (const l of lines.slice(from, from + batch)) rows += extractLine(l, DEFAULT_SETTINGS).events.length;
    });
  }
  const h = v8.getHeapStatistics();
  console.log(`after: heap used ${MB(h.used_heap_size)} total ${MB(h.total_heap_size)} rss ${MB(process.memoryUsage().rss)} (${rows} events)`);
}
const m = snap();
console.log(`total: heap used ${MB(m.heap)}  external ${MB(m.ext)}  rss ${MB(m.rss)}`);
