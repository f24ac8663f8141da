import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScanReport } from '../../src/report/report-types.js';
import { corpusDir, encodeWindows1256, sada } from '../helpers/cli.js';
import { prng } from '../helpers/sets.js';

const seeds = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
const FLAGSHIP = ['000_b86daad347500d15.txt', '004_17c881bf89d1ecee.txt'];

function scanJson(dir: string, extra: string[] = []): ScanReport {
  const r = sada(['scan', dir, '--format', 'json', ...extra]);
  expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ScanReport;
}

/** The flagship pair clusters, and no other pair does. */
function expectOnlyFlagship(report: ScanReport) {
  expect(report.clusters).toHaveLength(1);
  expect([...report.clusters[0].members].sort()).toEqual(FLAGSHIP);
  const pair = report.clusters[0].pairs[0];
  expect(Math.max(pair.containment_ab, pair.containment_ba)).toBeGreaterThanOrEqual(0.75);
}

function variantDir(transform: (text: string, name: string) => Buffer | string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sada-seeds-'));
  for (const f of seeds) writeFileSync(path.join(dir, f), transform(readFileSync(path.join(corpusDir, f), 'utf8'), f));
  return dir;
}

describe('sada scan on the seed corpus', () => {
  test('000 and 004 form the only cluster, with containment ≥ 0.75', () => {
    const report = scanJson('corpus');
    expectOnlyFlagship(report);
    expect(report.version).toBe(1);
    expect(report.documents.map((d) => d.id)).toEqual(seeds);
    expect(report.stats.documents).toBe(5);
  });

  test('every other seed pair stays at containment ≤ 0.15 (verified with LSH bypassed: all pairs compared)', () => {
    // 128 bands of 1 row: every pair sharing any MinHash value becomes a candidate
    const r = sada(['scan', 'corpus', '--bands', '128', '--rows', '1', '--containment', '0', '--threshold', '0']);
    const report = JSON.parse(r.stdout) as ScanReport;
    // every pair is verified and reported, in clusters, template families or links (plain text files have no
    // headlines or dates, so the hand rules judge them, and at thresholds of 0 they keep every pair)
    const pairs = [
      ...report.clusters.flatMap((c) => c.pairs),
      ...(report.links ?? []),
      ...(report.templates ?? []).flatMap((t) => t.pairs),
    ];
    expect(pairs).toHaveLength(10);
    for (const p of pairs) {
      const flagship = [p.a, p.b].sort().join() === FLAGSHIP.join();
      const c = Math.max(p.containment_ab, p.containment_ba);
      if (flagship) expect(c).toBeGreaterThanOrEqual(0.75);
      else expect(c).toBeLessThanOrEqual(0.15);
    }
  });

  test('seeds re-encoded as windows-1256 cluster the same', () => {
    const dir = variantDir((t) => encodeWindows1256(t));
    expectOnlyFlagship(scanJson(dir));
  });

  test('seeds with CRLF line ends cluster the same', () => {
    expectOnlyFlagship(scanJson(variantDir((t) => t.replace(/\n/g, '\r\n'))));
  });

  test('seeds sprinkled with diacritics, tatweel and zero-width/bidi characters cluster the same', () => {
    const rand = prng(1234);
    const noise = ['\u064e', '\u064b', '\u0651', '\u0640', '\u200c', '\u200f', '\u202b', '\u2067', '\u061c', '\ufeff', '\u00ad'];
    const dir = variantDir((t) =>
      Array.from(t, (ch) => (/[\u0621-\u064a]/.test(ch) && rand() < 0.3 ? ch + noise[Math.floor(rand() * noise.length)] : ch)).join(''),
    );
    expectOnlyFlagship(scanJson(dir));
  });

  test('--format text lists the cluster; the summary goes to stderr', () => {
    const r = sada(['scan', 'corpus', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('000_b86daad347500d15.txt  ~  004_17c881bf89d1ecee.txt');
    expect(r.stderr).toMatch(/5 documents, 1 cluster/);
  });

  test('--fail-on-duplicates exits 1 when clusters are found', () => {
    expect(sada(['scan', 'corpus', '--fail-on-duplicates', '--quiet']).code).toBe(1);
  });
});

describe('bad input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sada-bad-'));
  for (const f of FLAGSHIP) writeFileSync(path.join(dir, f), readFileSync(path.join(corpusDir, f)));
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00]));
  writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0xe9, 0xe8, 0x20, 0x41, 0x42]));
  writeFileSync(path.join(dir, 'short.txt'), 'عاجل');
  symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
  const emptyDir = path.join(dir, 'nothing-here');
  mkdirSync(emptyDir);

  const r = sada(['scan', dir, emptyDir, path.join(dir, 'missing.txt')]);
  const report = JSON.parse(r.stdout) as ScanReport;

  test('the good files are still scanned and clustered; exit 0', () => {
    expect(r.code).toBe(0);
    expect([...report.clusters[0].members].sort()).toEqual(FLAGSHIP);
  });

  test.each([
    ['empty.txt', /empty/],
    ['binary.txt', /binary/],
    ['latin1.txt', /invalid UTF-8/],
    ['short.txt', /fewer than/],
    ['dangling.txt', /cannot read \(ENOENT\)/],
    ['nothing-here', /no matching files/],
    ['missing.txt', /no such file or directory/],
  ])('%s gets a message naming it and the reason', (name, reason) => {
    const line = r.stderr.split('\n').find((l) => l.includes(name));
    expect(line).toBeDefined();
    expect(line).toMatch(reason);
    expect(report.issues?.some((i) => i.source.endsWith(name) && reason.test(i.message))).toBe(true);
  });

  test('skips are counted by reason, and --strict turns them into exit 1', () => {
    expect(report.stats.skipped).toMatchObject({ empty: 1, binary: 1, invalid_utf8: 1, too_short: 1, unreadable: 2 });
    expect(sada(['scan', dir, '--strict', '--quiet']).code).toBe(1);
  });

  test('no stack traces anywhere', () => {
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('many skipped records', () => {
  // 13 records without text among two real ones: a crawl's few percent of empty pages, in small
  const input = [
    ...Array.from({ length: 13 }, (_, i) => ({ id: `empty-${i}`, title: 'بلا نص' })),
    { id: 'a', text: readFileSync(path.join(corpusDir, FLAGSHIP[0]), 'utf8') },
    { id: 'b', text: readFileSync(path.join(corpusDir, FLAGSHIP[1]), 'utf8') },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n');
  const noText = (stderr: string) => stderr.split('\n').filter((l) => l.endsWith('[no_text]'));

  test('the first 10 of a kind are printed, the rest counted in one line; the report keeps them all', () => {
    const r = sada(['scan', '-', '--format', 'json'], { input });
    expect(r.code).toBe(0);
    expect(noText(r.stderr)).toHaveLength(10);
    expect(r.stderr).toContain('sada: not shown: 3 no_text more (--all-issues prints every one)');
    const report = JSON.parse(r.stdout) as ScanReport;
    expect((report.issues ?? []).filter((i) => i.code === 'no_text')).toHaveLength(13);
    expect(report.clusters).toHaveLength(1);
  });

  test('--all-issues prints every one, scan and dedup alike', () => {
    for (const cmd of ['scan', 'dedup']) {
      const r = sada([cmd, '-', '--all-issues'], { input });
      expect(noText(r.stderr)).toHaveLength(13);
      expect(r.stderr).not.toContain('not shown');
    }
  });
});

describe('usage errors exit 2 with a one-line message', () => {
  test.each([
    [['scan'], /Not enough non-option arguments|inputs/],
    [['frobnicate'], /Unknown argument/],
    [['scan', 'corpus', '--threshold', '2'], /match\.threshold/],
    [['scan', 'corpus', '--bands', '100', '--rows', '5'], /exceeds sketch\.hashes/],
    [['scan', '/no/such/dir'], /no usable documents/],
    [['diff', 'corpus/000_b86daad347500d15.txt'], /Not enough non-option arguments/],
  ])('sada %j', (args, message) => {
    const r = sada(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^sada: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
