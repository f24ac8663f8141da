import { hasText, mapFields } from '../../src/io/fields.js';

describe('mapFields', () => {
  test.each([
    ['SaudiNewsNet names', { url: 'u', content: 'نص', source: 'okaz', date_extracted: '2015-07-21 02:51:32', title: 't' },
      { id: 'u', text: 'نص', outlet: 'okaz', published: '2015-07-21 02:51:32', title: 't' }],
    ['id wins over url, text over content', { id: 7, url: 'u', text: 'a', content: 'b' }, { id: '7', text: 'a' }],
    ['blank text is missing', { id: 'x', text: '  \n' }, { id: 'x' }],
    ['published before date', { published: 'p', date: 'd' }, { published: 'p' }],
    ['non-string text is missing', { text: 42 }, {}],
  ])('%s', (_title, fields, expected) => {
    expect(mapFields(fields, {})).toEqual(expected);
  });

  test('an explicit field name is used alone', () => {
    expect(mapFields({ text: 'a', body: 'b' }, { text: 'body' }).text).toBe('b');
    expect(mapFields({ text: 'a' }, { text: 'body' }).text).toBeUndefined();
  });

  test('hasText agrees with mapFields', () => {
    expect(hasText({ content: 'x' }, {})).toBe(true);
    expect(hasText({ content: ' ' }, {})).toBe(false);
    expect(hasText({ body: 'x' }, { text: 'body' })).toBe(true);
  });
});
