// Same-process replay of the shingling and index kernels, OLD dist against NEW dist, interleaved, best of N:
// on a shared machine wall clocks drift between runs, but two builds timed alternately in one process meet
// the same load. Inputs come from one pipeline run (normalised bodies, store batches, postings operations);
// written by --capture (one scan pipeline on --old with a recording store and Postings) into --data.
//   node bench/kern-replay.mjs --capture --old /tmp/kern-old/dist --data /tmp/kern-data [--jsonl bench/out/saudinewsnet.jsonl]
//   node bench/kern-replay.mjs --old /tmp/kern-old/dist --new dist --data /tmp/kern-data [--runs 7] [--only shingle,store,postings]
// Per-process JIT choices move a build's best by ±10% from one process to the next: run it several times.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const oldDir = path.resolve(opt('old', '/tmp/kern-old/dist'));
const newDir = path.resolve(opt('new', 'dist'));
const data = opt('data', '/tmp/kern-data');
const runs = Number(opt('runs', '7'));
const only = opt('only', 'shingle,store,postings').split(',');
// --fresh old|new: time that build's first run only, in a fresh process (page faults and all, as a real
// scan meets them; later runs reuse memory the allocator already mapped). Call it alternately, many times.
const fresh = opt('fresh', '');

if (args.includes('--capture')) {
  await capture(oldDir, opt('jsonl', 'bench/out/saudinewsnet.jsonl'), data);
  process.exit(0);
}

/** Runs the scan pipeline (as bench/speed.mjs does) on `dir`'s build, recording what the kernels get. */
async function capture(dir, jsonl, out) {
  const { readDocs } = await import(`${dir}/io/read-docs.js`);
  const { discoverInputs } = await import(`${dir}/io/discover.js`);
  const { resolveParams } = await import(`${dir}/params.js`);
  const { bodyProblem, prepareBody } = await import(`${dir}/text/body.js`);
  const { Detector } = await import(`${dir}/match/detector.js`);
  const { MemoryBandStore } = await import(`${dir}/index/memory-store.js`);
  const { Postings } = await import(`${dir}/index/postings.js`);
  const p = resolveParams({ index: { containment: true } });
  // per Postings instance, its outside calls as int triples: 1 reserve(n), 2 find(h), 3 addAt(·, h, d), 4 add(h, d)
  const traces = new Map();
  let inner = 0;
  const wrap = (name, op, argsOf) => {
    const orig = Postings.prototype[name];
    Postings.prototype[name] = function (...a) {
      if (!inner) {
        if (!traces.has(this)) traces.set(this, { keep: this.keep, ops: [] });
        traces.get(this).ops.push(op, ...argsOf(a));
      }
      inner++;
      try {
        return orig.apply(this, a);
      } finally {
        inner--;
      }
    };
  };
  wrap('reserve', 1, (a) => [a[0], 0]);
  wrap('find', 2, (a) => [a[0] | 0, 0]);
  wrap('addAt', 3, (a) => [a[1] | 0, a[2]]);
  wrap('add', 4, (a) => [a[0] | 0, a[1]]);
  const store = new MemoryBandStore();
  const batches = [];
  let bands = 0;
  const recording = {
    meta: () => store.meta(),
    setMeta: (m) => ((bands = m.bands), store.setMeta(m)),
    putBatch: (ids, keys) => (batches.push([ids.slice(), keys.slice()]), store.putBatch(ids, keys)),
    lookup: (keys) => store.lookup(keys),
    close: () => store.close(),
  };
  const detector = await Detector.create(p, recording);
  const texts = [];
  const found = await discoverInputs([jsonl], p.io.extensions);
  for await (const e of readDocs(found.files, p.io)) {
    if (e.kind !== 'doc') continue;
    const body = prepareBody(e.doc, p.text);
    if (bodyProblem(body.normalised.text, p.text.minChars) !== undefined) continue;
    texts.push(body.normalised.text);
    await detector.add(body);
  }
  await detector.flush();
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'texts.json'), JSON.stringify({ sketch: p.sketch, texts }));
  // store.bin: bands, batch count, then per batch its size, ids (uint32) and keys (float64)
  const parts = [Buffer.from(new Uint32Array([bands, batches.length]).buffer)];
  for (const [ids, keys] of batches) parts.push(Buffer.from(new Uint32Array([ids.length]).buffer), Buffer.from(ids.buffer), Buffer.from(keys.buffer));
  writeFileSync(path.join(out, 'store.bin'), Buffer.concat(parts));
  let k = 0;
  for (const t of traces.values()) writeFileSync(path.join(out, `postings-${k++}-keep${t.keep}.bin`), Buffer.from(Int32Array.from(t.ops).buffer));
  console.log(`${texts.length} bodies, ${batches.length} store batches, ${traces.size} Postings traces in ${out}`);
}

const load = async (dir) => ({
  shingle: await import(`${dir}/sketch/shingle.js`),
  store: await import(`${dir}/index/memory-store.js`),
  postings: await import(`${dir}/index/postings.js`),
});
const builds = { old: await load(oldDir), new: await load(newDir) };

/**
 * One copy of a replay loop per build: a loop shared by both would see two classes at its call sites and
 * run polymorphic, favouring whichever build warmed it first. `f` must not close over anything.
 */
const twin = (f) => ({ old: new Function(`return ${f}`)(), new: new Function(`return ${f}`)() });

function cpuMs(f) {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

async function cpuMsAsync(f) {
  const c0 = process.cpuUsage();
  await f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

function report(name, times) {
  if (fresh) return console.log(`${name} ${fresh} ${times[fresh][0].toFixed(1)}`);
  const best = (xs) => Math.min(...xs);
  const o = best(times.old);
  const n = best(times.new);
  console.log(`${name}: old ${o.toFixed(1)} ms, new ${n.toFixed(1)} ms CPU (best of ${times.old.length}; ${((1 - n / o) * 100).toFixed(1)}% less)`);
}

if (only.includes('shingle')) {
  const { sketch, texts } = JSON.parse(readFileSync(path.join(data, 'texts.json'), 'utf8'));
  const runs2 = twin((b, texts, sketch) => {
    const sets = new Array(texts.length);
    for (let i = 0; i < texts.length; i++) sets[i] = b.shingle.shingleHashes(texts[i], sketch.shingle, sketch.size, sketch.seed);
    return sets;
  });
  const run = (b) => runs2[b === builds.old ? 'old' : 'new'](b, texts, sketch);
  const a = fresh ? [] : run(builds.old);
  const c = fresh ? [] : run(builds.new);
  for (let i = 0; i < a.length; i++) {
    if (a[i].length !== c[i].length || a[i].some((v, k) => v !== c[i][k])) throw new Error(`shingle set ${i} differs`);
  }
  const times = { old: [], new: [] };
  for (let r = 0; r < runs; r++) for (const k of fresh ? [fresh] : r % 2 ? ['new', 'old'] : ['old', 'new']) times[k].push(cpuMs(() => run(builds[k])));
  report(`shingleHashes (${texts.length} bodies)`, times);
}

if (only.includes('store')) {
  const buf = readFileSync(path.join(data, 'store.bin'));
  const u32 = new Uint32Array(buf.buffer, buf.byteOffset, buf.byteLength >>> 2);
  const bands = u32[0];
  const batches = [];
  let o = 2;
  for (let k = 0; k < u32[1]; k++) {
    const n = u32[o++];
    const ids = u32.slice(o, o + n);
    o += n;
    const keys = new Float64Array(buf.buffer.slice(buf.byteOffset + o * 4, buf.byteOffset + (o + 2 * n * bands) * 4));
    o += 2 * n * bands;
    batches.push({ ids, keys });
  }
  // as LshIndex: put a batch, then look its keys up
  const runs2 = twin(async (b, keep, bands, batches) => {
    const store = new b.store.MemoryBandStore();
    await store.setMeta({ bands, rows: 4, documents: 0 });
    const hits = [];
    for (const { ids, keys } of batches) {
      await store.putBatch(ids, keys);
      const h = await store.lookup(keys);
      if (keep) hits.push(h);
    }
    return hits;
  });
  const run = (b, keep) => runs2[b === builds.old ? 'old' : 'new'](b, keep, bands, batches);
  const a = fresh ? [] : await run(builds.old, true);
  const c = fresh ? [] : await run(builds.new, true);
  for (let k = 0; k < a.length; k++) {
    const same = (x, y) => x.length === y.length && x.every((v, i) => v === y[i]);
    if (!same(a[k].offsets, c[k].offsets) || !same(a[k].ids, c[k].ids)) throw new Error(`lookup of batch ${k} differs`);
  }
  const times = { old: [], new: [] };
  for (let r = 0; r < runs; r++) for (const k of fresh ? [fresh] : r % 2 ? ['new', 'old'] : ['old', 'new']) times[k].push(await cpuMsAsync(() => run(builds[k], false)));
  report(`MemoryBandStore putBatch+lookup (${batches.length} batches × ${bands} bands)`, times);
}

if (only.includes('postings')) {
  const files = readdirSync(data).filter((f) => f.startsWith('postings-'));
  const traces = files.map((f) => {
    const b = readFileSync(path.join(data, f));
    return { keep: Number(/keep(\d+)/.exec(f)[1]), ops: new Int32Array(b.buffer, b.byteOffset, b.byteLength >>> 2) };
  });
  // reserve, find, addAt, add as SampleIndex called them; an addAt takes the oldest find since the last reserve
  const runs2 = twin((b, { keep, ops }) => {
    const p = new b.postings.Postings(keep);
    const found = new Int32Array(1 << 16);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < ops.length; i += 3) {
      const op = ops[i];
      if (op === 1) {
        p.reserve(ops[i + 1]);
        head = tail = 0;
      } else if (op === 2) {
        const s = p.find(ops[i + 1]);
        if (tail < found.length) found[tail++] = s;
      } else if (op === 3) p.addAt(found[head++], ops[i + 1], ops[i + 2]);
      else p.add(ops[i + 1], ops[i + 2]);
    }
    return p;
  });
  const run = (b, t) => runs2[b === builds.old ? 'old' : 'new'](b, t);
  // a checksum of what a walk reads for every key the trace touched
  const dump = (p, ops) => {
    let h = 0;
    const out = { push: (v) => (h = Math.imul(h ^ v, 0x01000193)) };
    for (let i = 0; i < ops.length; i += 3) {
      if (ops[i] === 1) continue;
      const s = p.find(ops[i + 1]);
      if (s < 0) { out.push(-1); continue; }
      const n = p.slots[s + 1];
      out.push(n);
      if (n === 1) out.push(p.slots[s + 2]);
      else if (p.slots[s + 2] >= 0) for (let q = p.slots[s + 2]; q < p.slots[s + 2] + n; q++) out.push(p.pool[q]);
    }
    return h;
  };
  if (!fresh) for (const t of traces) {
    if (dump(run(builds.old, t), t.ops) !== dump(run(builds.new, t), t.ops)) throw new Error('postings differ');
  }
  const times = { old: [], new: [] };
  for (let r = 0; r < runs; r++) for (const k of fresh ? [fresh] : r % 2 ? ['new', 'old'] : ['old', 'new']) times[k].push(cpuMs(() => { for (const t of traces) run(builds[k], t); }));
  report(`Postings replay (${traces.map((t) => t.ops.length / 3).join(' + ')} ops)`, times);
}
