import type { WordDiff } from '../../src/report/diff-types.js';
import { diffTexts } from '../../src/diff.js';
import { sada } from '../helpers/cli.js';

const A = 'corpus/000_b86daad347500d15.txt';
const B = 'corpus/004_17c881bf89d1ecee.txt';

describe('sada diff on the flagship pair', () => {
  const text = sada(['diff', A, B]);
  const json = JSON.parse(sada(['diff', A, B, '--format', 'json']).stdout) as WordDiff;
  const deleted = json.runs.filter((r) => r.op === 'delete').map((r) => r.text);
  const inserted = json.runs.filter((r) => r.op === 'insert').map((r) => r.text);

  test('shows the real edits with markers that do not rely on colour', () => {
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('[-للعملية العسكرية الروسية في أوكرانيا.-] {+للغزو الروسي الشامل لأوكرانيا.+}');
    expect(text.stdout).toContain('[-عشرة-] {+10+}');
    expect(text.stdout).toContain('[-بيونغيانغ-] {+بيونغ يانغ+}');
    expect(text.stdout).not.toContain('\x1b[');
  });

  test('normalisation-only differences are not edits', () => {
    // short runs only: the long inserted paragraphs legitimately contain e.g. (الرئيسان)
    const edited = [...deleted, ...inserted].filter((t) => t.length < 60).join(' ');
    expect(edited).not.toMatch(/رئيسا|لشؤون/); // "رئيسا لشؤون" / «رئيساً لشؤون»
    expect(edited).not.toMatch(/المصادقة عليها بمرسوم/); // "…" / «…»
  });

  test('boilerplate is not part of the diff', () => {
    expect(deleted.join(' ')).not.toContain('سكاي نيوز');
    expect(deleted.join(' ')).not.toContain('كلمات دلالية');
  });

  test('long unchanged runs are collapsed; one sentence per line', () => {
    expect(text.stdout).toMatch(/…\(\d+ words unchanged\)…/);
    const lines = text.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(20);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(600);
  });

  test('JSON runs slice the original texts exactly', () => {
    expect(json.stats.equal).toBeGreaterThan(150);
    expect(json.runs.every((r) => r.text.length === r.end - r.start)).toBe(true);
  });
});

describe('diffTexts', () => {
  test('identical texts up to diacritics and hamza forms have no edits', () => {
    const d = diffTexts({ key: 'a', text: 'أعلن الرئيسُ اليومَ «اتفاقاً» جديداً' }, { key: 'b', text: 'اعلن الرئيس اليوم "اتفاقا" جديدا' });
    expect(d.stats).toEqual({ equal: 5, inserted: 0, deleted: 0 });
  });

  test('a replaced word is one delete and one insert', () => {
    const d = diffTexts({ key: 'a', text: 'نشرت نحو عشرة آلاف جندي' }, { key: 'b', text: 'نشرت نحو 10 آلاف جندي' });
    expect(d.runs.map((r) => [r.op, r.text])).toEqual([
      ['equal', 'نشرت نحو'],
      ['delete', 'عشرة'],
      ['insert', '10'],
      ['equal', 'آلاف جندي'],
    ]);
  });
});
