import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import type { ScanReport } from '../../src/report/report-types.js';
import { autoWorkers } from '../../src/scan-parallel.js';
import { corpusDir, sada } from '../helpers/cli.js';
import { prng } from '../helpers/sets.js';

/**
 * `--workers N` moves normalising and sketching to threads; the main thread replays their results in reading
 * order, so the report must not depend on N (timings aside).
 */
const seeds = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();

/** A JSONL crawl from the seed articles: edited copies, exact re-crawls, and the records a reader must skip. */
function crawl(): string {
  const rand = prng(7);
  const texts = seeds.map((f) => readFileSync(path.join(corpusDir, f), 'utf8'));
  const words = texts.join(' ').split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  const bodies: string[] = [];
  for (let i = 0; i < 700; i++) {
    const r = rand();
    let text: string;
    if (r < 0.12) {
      // an edited copy of a seed: a few words dropped or swapped
      const base = texts[Math.floor(rand() * texts.length)].split(/(\s+)/);
      for (let k = 0; k < 6; k++) base[Math.floor(rand() * base.length)] = words[Math.floor(rand() * words.length)];
      text = base.join('');
    } else if (r < 0.22 && bodies.length > 0) {
      text = bodies[Math.floor(rand() * bodies.length)]; // an exact re-crawl
    } else if (r < 0.24) {
      text = 'قصير';
    } else if (r < 0.26) {
      text = 'An English page about something else entirely, long enough to pass the length floor.';
    } else {
      // unrelated: random runs of seed words
      text = Array.from({ length: 80 + Math.floor(rand() * 300) }, () => words[Math.floor(rand() * words.length)]).join(' ');
    }
    bodies.push(text);
    lines.push(JSON.stringify({ id: `r${i % 650}`, text, title: `t${i % 17}`, source: `outlet${i % 5}`, date: `2015-07-${10 + (i % 20)}` }));
    if (i % 200 === 0) lines.push('{"id": "broken", "text": ');
    if (i % 250 === 0) lines.push(JSON.stringify({ id: `notext${i}` }));
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'sada-workers-'));
  const file = path.join(dir, 'crawl.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function scanWith(input: string, workers: number, extra: string[] = []): ScanReport {
  const r = sada(['scan', input, '--format', 'json', '--workers', String(workers), ...extra]);
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as ScanReport;
  return { ...report, stats: { ...report.stats, seconds: 0 } };
}

describe('sada scan --workers', () => {
  const file = crawl();

  test('reports the same as the serial scan for 2 and 3 workers (clusters, issues, provenance)', () => {
    const serial = scanWith(file, 1);
    expect(serial.clusters.length).toBeGreaterThan(3);
    expect(serial.issues?.length ?? 0).toBeGreaterThan(0);
    expect(scanWith(file, 2)).toEqual(serial);
    expect(scanWith(file, 3)).toEqual(serial);
  });

  test('the seed corpus: 000 and 004 still the only cluster', () => {
    const serial = scanWith('corpus', 1);
    expect(serial.clusters).toHaveLength(1);
    expect(scanWith('corpus', 2)).toEqual(serial);
  });

  test('dedup --ids decides the same with workers', () => {
    const a = sada(['dedup', file, '--ids', '--quiet']);
    const b = sada(['dedup', file, '--ids', '--quiet', '--workers', '2']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  test.each([['0'], ['1.5'], ['-2']])('refuses --workers %s with a usage error', (n) => {
    const r = sada(['scan', 'corpus', '--workers', n]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers/);
  });
});

describe('--workers auto (the default)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sada-auto-'));
  const small = path.join(dir, 'small.jsonl');
  const large = path.join(dir, 'large.jsonl');
  writeFileSync(small, '{"id":"a","text":"نص"}\n');
  // sparse: 40 MB on the size check, no disk
  writeFileSync(large, '');
  truncateSync(large, 40 * 1024 * 1024);
  const parallel = Math.min(availableParallelism(), 8) >= 2 ? Math.min(availableParallelism(), 8) : 1;

  test('no workers for small inputs and standard input; one a core (up to 8) from 32 MB', async () => {
    expect(await autoWorkers([{ path: small, key: 'small' }])).toBe(1);
    expect(await autoWorkers([{ path: '-', key: '-' }])).toBe(1);
    expect(await autoWorkers([{ path: large, key: 'large' }])).toBe(parallel);
    // sizes add up across files
    const half = path.join(dir, 'half.jsonl');
    writeFileSync(half, '');
    truncateSync(half, 20 * 1024 * 1024);
    expect(await autoWorkers([{ path: half, key: 'h1' }])).toBe(1);
    expect(await autoWorkers([{ path: half, key: 'h1' }, { path: half, key: 'h2' }])).toBe(parallel);
  });

  test('a folder of many files: the first 256 are sized, the rest taken at their mean', async () => {
    // 300 files of 120 KB each (36 MB): only 256 are read (30 MB), and 300 × their mean reaches 32 MB
    const one = path.join(dir, 'article.txt');
    writeFileSync(one, '');
    truncateSync(one, 120 * 1024);
    const many = Array.from({ length: 300 }, (_, i) => ({ path: i < 256 ? one : path.join(dir, 'missing.txt'), key: `a${i}` }));
    expect(await autoWorkers(many)).toBe(parallel);
    // the same 256 alone come to 30 MB: no workers
    expect(await autoWorkers(many.slice(0, 256))).toBe(1);
  });
});
