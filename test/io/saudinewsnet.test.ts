/**
 * Reads the real SaudiNewsNet zips (one ~12 MB JSON array per day) as shipped. Skipped, loudly, where
 * the shared data set is absent.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { mapFields } from '../../src/io/fields.js';
import { readRecords } from '../../src/io/record-source.js';
import yauzl from 'yauzl';
import { limits } from './fixtures.js';

const root = path.resolve(process.cwd(), '../shared/data/saudinewsnet');
const present = existsSync(root);
if (!present) console.warn(`SKIPPING SaudiNewsNet test: ${root} not found`);

(present ? describe : describe.skip)('SaudiNewsNet', () => {
  test('streams every daily zip: records with content, no issues', async () => {
    const zips = (await readdir(root)).filter((f) => f.endsWith('.zip')).sort();
    expect(zips.length).toBeGreaterThan(0);
    const started = process.hrtime.bigint();
    let compressedBytes = 0;
    let total = 0;
    const perDay: string[] = [];
    for (const zip of zips) {
      let count = 0;
      let noText = 0;
      for await (const event of readRecords(path.join(root, zip), limits)) {
        // The crawl left some articles without content; those are the only issues expected.
        if (event.kind === 'issue') {
          if (event.issue.code !== 'no_text') throw new Error(`unexpected issue: ${event.issue.message}`);
          noText++;
        } else if (mapFields(event.fields, {}).text !== undefined) count++;
      }
      perDay.push(`${zip.replace('.zip', '')}: ${count} (+${noText} no_text)`);
      total += count;
      compressedBytes += (await stat(path.join(root, zip))).size;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    let inflatedBytes = 0;
    for (const zip of zips) inflatedBytes += await declaredBytes(path.join(root, zip));
    console.log(`SaudiNewsNet: ${total} records with content in ${zips.length} zips, ${seconds.toFixed(2)} s ` +
      `(${Math.round(total / seconds)} records/s, ${(inflatedBytes / 1e6 / seconds).toFixed(1)} MB/s inflated JSON, ` +
      `${(compressedBytes / 1e6 / seconds).toFixed(1)} MB/s of zip)\n${perDay.join('\n')}`);
    expect(total).toBeGreaterThan(1000);
  });
});

/** Sum of the entries' uncompressed sizes, for the MB/s figure. */
function declaredBytes(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: false }, (err, zip) => {
      if (err) return reject(err);
      let sum = 0;
      zip.on('entry', (e: yauzl.Entry) => (sum += e.uncompressedSize));
      zip.on('end', () => resolve(sum));
      zip.on('error', reject);
    });
  });
}
