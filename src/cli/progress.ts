import cliProgress from 'cli-progress';

/**
 * A progress line on stderr for long runs (documents, docs/s, elapsed). Crawls stream, so the total is
 * unknown and there is no honest ETA; off when stderr is not a terminal or with --quiet.
 */
export function createProgress(enabled: boolean): { tick: (documents: number) => void; stop: () => void } {
  if (!enabled || !process.stderr.isTTY) return { tick: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'sada: {value} documents | {rate} docs/s | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(0, 0, { rate: 0 });
  let last = 0;
  return {
    tick: (documents) => {
      const now = performance.now();
      if (now - last < 200) return; // updating a TTY per document costs more than the work
      last = now;
      bar.update(documents, { rate: Math.round(documents / ((now - started) / 1000)) });
    },
    stop: () => bar.stop(),
  };
}
