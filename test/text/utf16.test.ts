import { unitsToString } from '../../src/text/utf16.js';

describe('unitsToString', () => {
  test('the first n units, lone surrogates kept as they are', () => {
    const units = Uint16Array.of(0x0627, 0xd800, 0x0041, 0xdc00, 0x0628, 0x0629);
    expect(unitsToString(units, 4)).toBe('\u0627\ud800A\udc00');
    expect(unitsToString(units, 0)).toBe('');
  });

  test('two scratch arrays in turn, and a regrown one, each read from its own memory', () => {
    const a = Uint16Array.from('سلام', (c) => c.charCodeAt(0));
    const b = Uint16Array.from('news', (c) => c.charCodeAt(0));
    expect(unitsToString(a, 4)).toBe('سلام');
    expect(unitsToString(b, 4)).toBe('news');
    expect(unitsToString(a, 2)).toBe('سل');
    const grown = new Uint16Array(8);
    grown.set(a);
    grown[4] = 0x0020;
    expect(unitsToString(grown, 5)).toBe('سلام ');
  });
});
