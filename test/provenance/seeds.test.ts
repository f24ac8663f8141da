import { scan } from '../../src/scan.js';
import { corpusDir } from '../helpers/cli.js';

describe('provenance on the seed pair 000 ~ 004', () => {
  test('common source: 000 credits Sky News Arabia, not 004; both quote KCNA; 000 is a trimmed version', async () => {
    const report = await scan([corpusDir]);
    const [p] = report.clusters[0].provenance!;
    expect(p.relation).toBe('common-source');
    expect(p.confidence).toBeGreaterThan(0);
    const kinds = p.evidence.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['attribution', 'news-source', 'containment']));
    expect(p.evidence.find((e) => e.kind === 'attribution')!.detail).toContain('سكاي نيوز عربية');
    expect(p.evidence.find((e) => e.kind === 'containment')!.detail).toMatch(/85% inside B/);
  });

  test('the outlets section counts the edge', async () => {
    const report = await scan([corpusDir]);
    const outlets = report.outlets as { outlets: string[]; common_source: number[][] };
    expect(outlets.outlets).toEqual(['(unknown)']);
    expect(outlets.common_source).toEqual([[1]]);
  });

  test('provenance can be turned off', async () => {
    const report = await scan([corpusDir], { provenance: false });
    expect(report.clusters[0].provenance).toBeUndefined();
    expect(report.outlets).toBeUndefined();
  });
});
