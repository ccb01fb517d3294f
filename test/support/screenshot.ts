/**
 * A PNG of a page in headless Chromium, once its charts are drawn:
 *   node --import tsx test/support/screenshot.ts out/latest/report.html shot.png [width]
 * Prints the page's size in bytes, the picture's size and any console error.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from './chromium.ts';

const [page, png, width] = process.argv.slice(2);
if (!page || !png) {
  process.stderr.write('usage: node --import tsx test/support/screenshot.ts PAGE.html OUT.png [width]\n');
  process.exit(2);
}
const browser = await Browser.launch();
try {
  const p = await browser.open(pathToFileURL(resolve(page)).href, { width: width ? Number(width) : 1200 });
  const state = await p.waitFor<string>("document.body.getAttribute('data-charts')", 60_000);
  const size = await p.screenshot(png);
  process.stdout.write(`${page}: ${statSync(page).size} bytes; charts ${state}; ${png}: ${size.width}x${size.height} px\n`);
  for (const e of p.log.errors) process.stdout.write(`console error: ${e}\n`);
  const outside = p.log.requests.filter((u) => !/^(file|data|blob|about):/.test(u));
  for (const u of outside) process.stdout.write(`network request: ${u}\n`);
  if (state !== 'rendered' || p.log.errors.length || outside.length) process.exitCode = 1;
} finally {
  await browser.close();
}
