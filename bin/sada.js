#!/usr/bin/env node
import v8 from 'node:v8';
import { main } from '../dist/cli/main.js';

// A scan's live heap is small (the index lives in typed arrays off the heap) but its garbage is large: each
// record's text passes through a few strings. V8 lets old-space garbage grow to ~4× the live heap before it
// collects when collection looks cheap, which makes peak memory follow input size rather than what is
// held. 50% growth keeps the peak flat as the input grows (bench/streaming-rss.mjs) for ~1% more GC time.
v8.setFlagsFromString('--heap-growing-percent=50');

process.exitCode = await main(process.argv.slice(2));
