// Synthetic Arabic-like news corpus for the speed bench: documents of 80–250 words drawn from a Zipf-ish
// vocabulary, one in ten a near copy of an earlier document (about 10% of words replaced, a tail cut), so
// the LSH stage and verification see both true copies and unrelated pairs. Deterministic from `seed`;
// generated lazily so a 1M-document run never holds the texts.
const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function* synthCorpus(n, seed = 1) {
  const rand = prng(seed);
  const vocab = [];
  for (let i = 0; i < 30000; i++) {
    const len = 3 + Math.floor(rand() * 6);
    let w = '';
    for (let k = 0; k < len; k++) w += letters[Math.floor(rand() * letters.length)];
    vocab.push(w);
  }
  const word = () => vocab[Math.floor(vocab.length * rand() ** 2)];
  const recent = []; // the last few hundred originals, to copy from
  for (let id = 0; id < n; id++) {
    let words;
    if (recent.length > 0 && rand() < 0.1) {
      const src = recent[Math.floor(rand() * recent.length)];
      words = src.slice(0, Math.max(20, Math.floor(src.length * (0.8 + rand() * 0.2)))).map((w) => (rand() < 0.1 ? word() : w));
    } else {
      const len = 80 + Math.floor(rand() * 170);
      words = Array.from({ length: len }, word);
      recent.push(words);
      if (recent.length > 500) recent.shift();
    }
    let text = '';
    for (let i = 0; i < words.length; i++) text += (i > 0 ? (i % 15 === 0 ? '.\n' : ' ') : '') + words[i];
    yield { id, key: `s${id}`, source: { path: 'synthetic' }, text };
  }
}
