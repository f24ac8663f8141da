import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sada } from '../helpers/cli.js';

describe('sada report', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sada-report-'));
  const scanFile = path.join(dir, 'scan.json');
  sada(['scan', 'corpus', '--out', scanFile, '--quiet']);

  test('renders a self-contained right-to-left HTML page with the pair diffed from the original files', () => {
    const out = path.join(dir, 'report.html');
    const r = sada(['report', scanFile, '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    // the diff data is embedded (JSON-escaped); the real edit is in it
    expect(html).toContain('للغزو الروسي الشامل');
  });

  test('renders Markdown with the cluster and its diff markers', () => {
    const r = sada(['report', scanFile, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('000\\_b86daad347500d15.txt');
    expect(r.stdout).toMatch(/~~|\[-/);
  });

  test.each([
    [['report', '/no/such.json'], /cannot read \(ENOENT\)/],
    [['report', 'corpus/000_b86daad347500d15.txt'], /not JSON/],
    [['report', 'package.json'], /not a sada scan report/],
    [['report', '--index', 'x'], /not built yet/],
  ])('sada %j fails with exit 2 and a clear message', (args, message) => {
    const r = sada(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
