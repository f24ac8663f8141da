/**
 * Synthetic syndication: copies of real articles with the edits seen in real wire copy, at a chosen share
 * of words changed, so recall can be measured per edit type and rate against known truth.
 */

const QUOTES = [['«', '"'], ['»', '"'], ['"', '«']];
const ORTHO = [[/أ/g, 'ا'], [/إ/g, 'ا'], [/ة(?=\s|$)/g, 'ه'], [/ى(?=\s|$)/g, 'ي'], [/ي(?=\s|$)/g, 'ى']];
const SPELLING = [['الديمقراطية', 'الديموقراطية'], ['أمريكا', 'أميركا'], ['الأمريكي', 'الأميركي'], ['جنيف', 'جينيف'], ['مليون', 'ملیون']];
const NUMBERS = [['عشرة', '10'], ['ثلاثة', '3'], ['خمسة', '5'], ['مئة', '100'], ['مائة', '100'], ['ألف', '1000'], ['أربعة', '4'], ['اثنين', '2'], ['سبعة', '7']];
const BOILERPLATE = ['الرياض - واس', 'جدة - «عكاظ»', 'المصدر: وكالة الأنباء السعودية', 'اقرأ أيضاً: أخبار ذات صلة', 'تابعونا على تويتر', 'رابط الخبر بصحيفة الوئام', 'عين اليوم - متابعات'];
const TOPPINGS = ['وأضاف المصدر أن الجهات المختصة تتابع الموقف عن كثب', 'وكانت مصادر مطلعة قد أشارت في وقت سابق إلى ذلك', 'يذكر أن هذه الخطوة تأتي في إطار جهود متواصلة'];

export const editTypes = ['quotes', 'orthography', 'spelling', 'numbers', 'names', 'truncation', 'boilerplate', 'paragraphs', 'rewrite', 'mixed'];

/** A deterministic generator (mulberry32). */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Applies `fn` to a share `rate` of the words of `text` (lines kept). */
function perWord(text, rate, rand, fn) {
  return text
    .split('\n')
    .map((line) => line.split(' ').map((w) => (w && rand() < rate ? fn(w) : w)).join(' '))
    .join('\n');
}

/**
 * A copy of `text` with `type` edits touching about `rate` of its words. `donor` supplies foreign text for
 * inserted paragraphs and rewritten clauses (another article, so the insert is not the story's own text).
 */
export function editCopy(text, type, rate, rand, donor) {
  const words = text.split(/\s+/).filter(Boolean);
  const donorWords = donor.split(/\s+/).filter(Boolean);
  const take = (n) => {
    const start = Math.floor(rand() * Math.max(1, donorWords.length - n));
    return donorWords.slice(start, start + n).join(' ');
  };
  const n = Math.max(1, Math.round(words.length * rate));
  switch (type) {
    case 'quotes':
      return perWord(text, rate, rand, (w) => (/[«»"]/.test(w) ? QUOTES.reduce((x, [a, b]) => x.split(a).join(b), w) : `«${w}»`));
    case 'orthography':
      return perWord(text, rate, rand, (w) => {
        const [re, to] = ORTHO[Math.floor(rand() * ORTHO.length)];
        const v = w.replace(re, to);
        return v === w ? `${w}\u064b` : v; // tanween when nothing else applies
      });
    case 'spelling':
      return perWord(SPELLING.reduce((x, [a, b]) => x.split(a).join(b), text), rate, rand, (w) =>
        w.length >= 5 ? w.replace(/ا(?=[^ا]{2,}$)/, '').replace(/ي(?=[^ي]{2,}$)/, 'ي') + (rand() < 0.5 ? '' : 'ا') : w,
      );
    case 'numbers':
      return perWord(NUMBERS.reduce((x, [a, b]) => (rand() < 0.5 ? x.split(a).join(b) : x.split(b).join(a)), text), rate, rand, (w) =>
        /^\d+$/.test(w) ? `${w} ألف` : w,
      );
    case 'names':
      return perWord(text, rate, rand, (w) => (w.length >= 6 ? `${w.slice(0, 3)} ${w.slice(3)}` : w));
    case 'truncation':
      return words.slice(0, words.length - n).join(' ');
    case 'boilerplate': {
      const pre = [];
      const post = [];
      let added = 0;
      while (added < n) {
        const b = BOILERPLATE[Math.floor(rand() * BOILERPLATE.length)];
        (rand() < 0.5 ? pre : post).push(b);
        added += b.split(' ').length;
      }
      return [...pre, text, ...post].join('\n');
    }
    case 'paragraphs': {
      // half deleted from a random place, half inserted from another article
      const del = Math.floor(n / 2);
      const at = Math.floor(rand() * Math.max(1, words.length - del));
      const kept = [...words.slice(0, at), ...words.slice(at + del)];
      const ins = Math.floor(rand() * kept.length);
      return [...kept.slice(0, ins), '\n' + take(n - del) + '\n', ...kept.slice(ins)].join(' ');
    }
    case 'rewrite': {
      // clauses of 3–6 words replaced by other words, or by a stock phrase
      const out = [...words];
      let changed = 0;
      while (changed < n) {
        const len = 3 + Math.floor(rand() * 4);
        const at = Math.floor(rand() * Math.max(1, out.length - len));
        const repl = rand() < 0.3 ? TOPPINGS[Math.floor(rand() * TOPPINGS.length)] : take(len);
        out.splice(at, len, ...repl.split(' '));
        changed += len;
      }
      return out.join(' ');
    }
    case 'mixed': {
      const kinds = editTypes.filter((t) => t !== 'mixed' && t !== 'truncation');
      let t = text;
      for (const k of kinds) t = editCopy(t, k, rate / kinds.length, rand, donor);
      return t;
    }
    default:
      throw new Error(`unknown edit type ${type}`);
  }
}
