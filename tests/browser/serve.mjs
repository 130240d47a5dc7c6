// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the page as a person would (tests/browser/serve.sh runs it):
//   node serve.mjs URL STORY DOWNLOAD_DIR SCREENSHOT_DIR
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');  // found through NODE_PATH
const [url, story, downloads, shots] = process.argv.slice(2);

function check(ok, what) {
  if (!ok) { console.error(`FAIL [browser]: ${what}`); process.exit(1); }
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],  // CI runs as root
});
try {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const outside = [];
  page.on('request', (r) => { if (!r.url().startsWith(new URL(url).origin) && !/^(blob|data):/.test(r.url())) outside.push(r.url()); });
  page.setDefaultTimeout(90000);
  await page.goto(url);
  check(await page.locator('#privacy').innerText().then((t) => t.includes('Nothing leaves this machine')), 'the privacy note');
  check(await page.locator('[data-opt=anonymize]').isChecked(), 'anonymize is on by default');

  // Upload, wait for the first preview.
  await page.setInputFiles('#file', story);
  await page.waitForSelector('#preview img');
  const first = await page.locator('#preview img').first().getAttribute('src');

  // Another template: the preview must change.
  const options = await page.locator('#template option').evaluateAll((os) => os.map((o) => o.value));
  check(options.length >= 2, `two zine templates to choose from (${options})`);
  const current = await page.locator('#template').inputValue();
  await page.selectOption('#template', options.find((o) => o !== current));
  await page.waitForFunction((src) => {
    const img = document.querySelector('#preview img');
    return img && img.src !== src && document.querySelector('#progress').hidden;
  }, first);
  check(await page.locator('#errors').isHidden(), 'no error shown for the example');
  await page.screenshot({ path: path.join(shots, 'serve-en.png'), fullPage: true });

  // Download the PDF.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-format=pdf]')]);
  check(download.suggestedFilename() === 'anonymous-zine.pdf', `the PDF's name (${download.suggestedFilename()})`);
  await download.saveAs(path.join(downloads, download.suggestedFilename()));

  // A broken file: the CLI's message, file:line, on the page; the server lives on.
  await page.click('#file-list button');
  const broken = Buffer.concat([Buffer.from('---\ntitle: X\n---\n\n## R\n\n> Ana: hola '), Buffer.from([0xff]), Buffer.from('\n')]);
  await page.setInputFiles('#file', { name: 'roto.circle.md', mimeType: 'text/markdown', buffer: broken });
  await page.waitForSelector('#errors:not([hidden])');
  const errors = await page.locator('#errors').innerText();
  check(/roto\.circle\.md:7:\d+: error/.test(errors), `the CLI's error with file:line: ${errors}`);

  // Spanish, from the switch; keyboard alone reaches the file picker.
  const es = await context.newPage();
  await es.goto(`${url}&lang=es`);
  check(await es.locator('#privacy').innerText().then((t) => t.includes('Nada sale de esta computadora')), 'the Spanish page');
  await es.setInputFiles('#file', story);
  await es.waitForSelector('#preview img');
  await es.screenshot({ path: path.join(shots, 'serve-es.png'), fullPage: true });
  await es.keyboard.press('Tab');
  check(await es.evaluate(() => document.activeElement && document.activeElement.id === 'lang'), 'Tab reaches the language switch first');

  // A phone-width viewport: no horizontal scrolling.
  const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await phone.goto(url);
  check(await phone.evaluate(() => document.documentElement.scrollWidth <= 362), 'no sideways scroll at 360 px');
  await phone.screenshot({ path: path.join(shots, 'serve-phone.png'), fullPage: true });

  check(outside.length === 0, `requests outside the server: ${outside}`);
} finally {
  await browser.close();
}
