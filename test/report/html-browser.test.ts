/**
 * Loads a rendered report in headless Chromium from file:// and checks what a reader sees: RTL layout,
 * lazily rendered diffs, the filter box, and that planted script payloads stay inert text.
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { DiffRun, WordDiff } from '../../src/report/diff-types.js';
import { renderHtml } from '../../src/report/html.js';
import type { ReportDocument, ScanReport } from '../../src/report/report-types.js';
import { CHROMIUM_MISSING, findChromium, type LaunchedChromium, launchChromium } from '../browser/chromium.js';

const SCRIPT_PAYLOAD = '<script>window.__pwned=1</script>';
const IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1">';

const run = (op: DiffRun['op'], text: string): DiffRun => ({ op, text, words: text.split(/\s+/).length, start: 0, end: 0 });
const doc = (id: string, outlet: string, published: string, title: string): ReportDocument => ({
  id, path: `${id}.txt`, chars: 100, outlet, published, title,
});
const LONG_EQUAL = Array.from({ length: 40 }, (_, i) => `كلمة${i + 1}`).join(' ');

const DIFFS = new Map<string, WordDiff>([
  ['health/1|health/2', {
    a: 'health/1', b: 'health/2',
    runs: [run('equal', 'أعلنت وزارة الصحة يوم'), run('delete', 'الثلاثاء'), run('insert', 'الأربعاء'),
      run('equal', `عن حملة تطعيم جديدة ${LONG_EQUAL} في جميع المحافظات.`)],
    stats: { equal: 48, inserted: 1, deleted: 1 },
  }],
  ['health/1|health/3', {
    a: 'health/1', b: 'health/3',
    runs: [run('equal', 'أعلنت وزارة الصحة يوم الثلاثاء عن حملة'), run('insert', 'وطنية'), run('equal', 'تطعيم جديدة')],
    stats: { equal: 8, inserted: 1, deleted: 0 },
  }],
  ['evil/1|evil/2', {
    a: 'evil/1', b: 'evil/2',
    runs: [run('equal', 'خبر عاجل'), run('insert', IMG_PAYLOAD), run('delete', SCRIPT_PAYLOAD)],
    stats: { equal: 2, inserted: 3, deleted: 1 },
  }],
]);

const HEALTH_TEXT = 'القاهرة (وكالة الأنباء) - أعلنت وزارة الصحة يوم الثلاثاء عن حملة تطعيم جديدة.\nاقرأ أيضا: أخبار أخرى';
const RELATED = HEALTH_TEXT.indexOf('اقرأ أيضا');
const TEXTS = new Map([
  ['health/1', HEALTH_TEXT],
  ['evil/2', `خبر عاجل ${IMG_PAYLOAD}`],
]);

const REPORT: ScanReport = {
  version: 1,
  params: { paramsId: 'test', shingle: 5 },
  documents: [
    { ...doc('health/1', 'وكالة الأنباء', '2015-08-04T09:00:00Z', 'وزارة الصحة تطلق حملة تطعيم'),
      stripped: [[RELATED, HEALTH_TEXT.length, 'related-links']] },
    doc('health/2', 'جريدة الغد', '2015-08-04T11:30:00Z', 'حملة تطعيم جديدة في المحافظات'),
    doc('health/3', 'Al Example', '2015-08-05T08:00:00Z', 'الصحة: حملة وطنية للتطعيم'),
    doc('evil/1', 'موقع مجهول', '2015-08-06', `عاجل ${SCRIPT_PAYLOAD}`),
    doc('evil/2', 'موقع آخر', '2015-08-06', `خبر ${IMG_PAYLOAD}`),
    doc('sport/1', 'الرياضي', '2015-08-01', 'كرة القدم: فوز الفريق الوطني'),
    doc('sport/2', 'الملاعب', '2015-08-01', 'فوز المنتخب في مباراة كرة القدم'),
  ],
  clusters: [
    { id: 'k-sport', members: ['sport/1', 'sport/2'], representative: 'sport/1',
      pairs: [{ a: 'sport/1', b: 'sport/2', jaccard: 0.6, containment_ab: 0.7, containment_ba: 0.75 }] },
    { id: 'k-evil', members: ['evil/1', 'evil/2'], representative: 'evil/1',
      pairs: [{ a: 'evil/1', b: 'evil/2', jaccard: 0.8, containment_ab: 0.9, containment_ba: 0.85 }] },
    { id: 'k-health', members: ['health/1', 'health/2', 'health/3'], representative: 'health/1',
      pairs: [{ a: 'health/1', b: 'health/2', jaccard: 0.9, containment_ab: 0.95, containment_ba: 0.97 },
        { a: 'health/1', b: 'health/3', jaccard: 0.5, containment_ab: 0.6, containment_ba: 0.8 }],
      provenance: [{ from: 'health/1', to: 'health/2', relation: 'copied', confidence: 0.91,
        evidence: [{ kind: 'time', detail: 'نُشر قبل ساعتين ونصف', weight: 0.6 }, { kind: 'dateline', detail: 'القاهرة (وكالة الأنباء)' }] }] },
  ],
  // a page of another cluster that carries this story too (its title carries a payload)
  // and a story of another cluster that pastes part of this one (partial reuse)
  links: [
    { a: 'health/2', b: 'evil/1', jaccard: 0.3, containment_ab: 0.35, containment_ba: 0.92, kind: 'copy', clusters: ['k-health', 'k-evil'] },
    { a: 'health/3', b: 'sport/2', jaccard: 0.2, containment_ab: 0.66, containment_ba: 0.21, kind: 'partial', clusters: ['k-health', 'k-sport'] },
  ],
  stats: { documents: 7, candidates: 5, verified_pairs: 4, clusters: 3, seconds: 0.42, skipped: { empty: 1 } },
};


const chromiumPath = findChromium();
if (chromiumPath === undefined) {
  if (process.env.CI) {
    test('Chromium is installed for the browser tests', () => {
      throw new Error(`${CHROMIUM_MISSING} The browser tests must run in CI.`);
    });
  } else {
    console.warn(`\n*** SKIPPING HTML browser tests: ${CHROMIUM_MISSING} ***\n`);
  }
}

(chromiumPath === undefined ? describe.skip : describe)('HTML report in Chromium', () => {
  let chromium: LaunchedChromium;
  let page: Page;
  let dir: string;
  const problems: string[] = [];
  const visibleClusters = (): Promise<unknown> =>
    page.evaluate(`[...document.querySelectorAll('details.cluster')].map((d) => d.id)`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sada-html-'));
    const file = join(dir, 'report.html');
    const diff = (a: string, b: string): WordDiff | undefined => DIFFS.get(`${a}|${b}`);
    await writeFile(file, renderHtml({ report: REPORT, texts: TEXTS, diff, title: 'sada — 2015-08-04' }));
    chromium = await launchChromium(chromiumPath!);
    page = await chromium.browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') problems.push(`console.${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
    page.on('request', (r) => { if (!/^(file|data):/.test(r.url())) problems.push(`request: ${r.url()}`); });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await chromium?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('page is right-to-left Arabic', async () => {
    expect(await page.evaluate('document.documentElement.dir')).toBe('rtl');
    expect(await page.evaluate('document.documentElement.lang')).toBe('ar');
    expect(await page.evaluate('getComputedStyle(document.body).direction')).toBe('rtl');
  });

  test('clusters are sorted by size, then recency', async () => {
    expect(await page.evaluate(`[...document.querySelectorAll('details.cluster .id')].map((e) => e.textContent)`))
      .toEqual(['k-health', 'k-evil', 'k-sport']);
    // Everything fits on the first page, so the "show more" button stays out of sight.
    expect(await page.evaluate(`document.getElementById('more').offsetParent`)).toBeNull();
  });

  test('opening a cluster renders its word diff with <del>/<ins>', async () => {
    expect(await page.$('#c0 del')).toBeNull();
    await page.click('#c0 > summary');
    await page.waitForSelector('#c0 del');
    expect(await page.evaluate(`[...document.querySelectorAll('#c0 del')].map((e) => e.textContent)`)).toContain('الثلاثاء');
    expect(await page.evaluate(`[...document.querySelectorAll('#c0 ins')].map((e) => e.textContent)`)).toEqual(['الأربعاء', 'وطنية']);
    expect(await page.evaluate(`getComputedStyle(document.querySelector('#c0 del')).textDecorationLine`)).toBe('line-through');
    expect(await page.evaluate(`getComputedStyle(document.querySelector('#c0 ins')).textDecorationLine`)).toBe('underline');
  });

  test('copies outside the cluster are listed with their cluster and containment', async () => {
    if (!(await page.evaluate(`document.getElementById('c0').open`))) await page.click('#c0 > summary');
    await page.waitForSelector('#c0 ul.links li');
    const line = String(await page.evaluate(`document.querySelector('#c0 ul.links li').textContent`));
    expect(line).toContain('k-evil');
    expect(line).toContain('0.92');
    expect(line).toContain(SCRIPT_PAYLOAD); // shown as text
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
  });

  test('partial reuse is listed apart from the copies, under its own heading', async () => {
    if (!(await page.evaluate(`document.getElementById('c0').open`))) await page.click('#c0 > summary');
    await page.waitForSelector('#c0 ul.links.partial li');
    const lines = (await page.evaluate(`[...document.querySelectorAll('#c0 ul.links.partial li')].map((e) => e.textContent)`)) as string[];
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('k-sport');
    expect(lines[0]).toContain('0.66');
    const copies = (await page.evaluate(`[...document.querySelectorAll('#c0 ul.links:not(.partial) li')].map((e) => e.textContent)`)) as string[];
    expect(copies.some((l) => l.includes('k-sport'))).toBe(false);
    const headings = (await page.evaluate(`[...document.querySelectorAll('#c0 h3')].map((e) => e.textContent)`)) as string[];
    expect(headings).toContain('اقتباس جزئي في أخبار أخرى');
  });

  test('long unchanged runs fold into a toggle that expands', async () => {
    const skip = await page.$('#c0 button.skip');
    expect(await skip!.evaluate((b) => b.textContent)).toMatch(/31 كلمة دون تغيير/);
    await skip!.click();
    expect(await page.evaluate(`document.querySelector('#c0 .diff').textContent`)).toContain('كلمة20');
  });

  test('full text shows stripped boilerplate greyed', async () => {
    await page.click('#c0 tbody tr:first-child button');
    expect(await page.evaluate(`document.querySelector('#c0 .fulltext').textContent`)).toBe(HEALTH_TEXT);
    expect(await page.evaluate(`document.querySelector('#c0 .fulltext .stripped').textContent`)).toBe('اقرأ أيضا: أخبار أخرى');
    expect(await page.evaluate(`document.querySelector('#c0 .fulltext .stripped').title`)).toBe('related-links');
  });

  test('planted payloads stay text and never run', async () => {
    await page.click('#c1 > summary');
    await page.waitForSelector('#c1 ins');
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.evaluate(`document.querySelectorAll('img').length`)).toBe(0);
    expect(await page.evaluate(`document.querySelector('#c1 .ctitle').textContent`)).toBe(`عاجل ${SCRIPT_PAYLOAD}`);
    expect(await page.evaluate(`document.querySelector('#c1 ins').textContent`)).toBe(IMG_PAYLOAD);
    expect(await page.evaluate(`document.querySelector('#c1 del').textContent`)).toBe(SCRIPT_PAYLOAD);
    const text = (await page.evaluate('document.body.innerText')) as string;
    expect(text).toContain(SCRIPT_PAYLOAD);
    expect(text).toContain(IMG_PAYLOAD);
  });

  test('filter box hides clusters that do not match, and keeps opened ones open', async () => {
    await page.type('#filter', 'كرة القدم');
    await page.waitForFunction(`!document.querySelector('#c0')`);
    expect(await visibleClusters()).toEqual(['c2']);
    // Spelling variants match: ta marbuta typed as ha; every term must match.
    await page.$eval('#filter', (e) => ((e as unknown as { value: string }).value = ''));
    await page.type('#filter', 'وزاره الصحه');
    await page.waitForFunction(`document.querySelector('#c0') && !document.querySelector('#c2')`);
    expect(await visibleClusters()).toEqual(['c0']);
    expect(await page.evaluate(`document.getElementById('filter-count').textContent`)).toContain('1');
    await page.$eval('#filter', (e) => ((e as unknown as { value: string }).value = ''));
    await page.type('#filter', ' ');
    await page.waitForFunction(`document.querySelector('#c2')`);
    expect(await visibleClusters()).toEqual(['c0', 'c1', 'c2']);
    expect(await page.evaluate(`document.querySelector('#c0').open && !!document.querySelector('#c0 del')`)).toBe(true);
  });

  test('big reports list clusters a page at a time', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => i);
    const big: ScanReport = {
      ...REPORT,
      documents: ids.flatMap((i) => [doc(`n${i}a`, 'أ', '2015-08-01', `خبر ${i}`), doc(`n${i}b`, 'ب', '2015-08-01', `خبر ${i}`)]),
      clusters: ids.map((i) => ({ id: `n${i}`, members: [`n${i}a`, `n${i}b`], representative: `n${i}a`, pairs: [] })),
    };
    const file = join(dir, 'big.html');
    await writeFile(file, renderHtml({ report: big, texts: new Map(), diff: () => undefined }));
    const bigPage = await chromium.browser.newPage();
    try {
      await bigPage.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(await bigPage.evaluate(`document.querySelectorAll('details.cluster').length`)).toBe(100);
      // Scrolling near the end lists the next page; the button does the same without scrolling.
      await bigPage.evaluate(`document.getElementById('more').scrollIntoView()`);
      await bigPage.waitForFunction(`document.querySelectorAll('details.cluster').length >= 200`);
      await bigPage.$eval('#more', (b) => (b as unknown as { click(): void }).click());
      await bigPage.waitForFunction(`document.querySelectorAll('details.cluster').length === 250`);
      expect(await bigPage.evaluate(`document.getElementById('more').hidden`)).toBe(true);
    } finally {
      await bigPage.close();
    }
  });

  test('no console errors, page errors or network requests; writes a screenshot', async () => {
    await mkdir('test-output', { recursive: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: 'test-output/report.png', fullPage: true });
    await (await page.$('#c1'))!.screenshot({ path: 'test-output/report-cluster.png' });
    expect(problems).toEqual([]);
  });
});
