/**
 * Timing for the in-process benches: BENCH_RUNS (3) runs of a step, and one Markdown table row
 * of min / median / max in ms with the median's ratio to its floor's median.
 */
export const RUNS = Number(process.env.BENCH_RUNS ?? 3);

export async function timeAsync(fn: () => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] as number;
export const ms = (x: number) => x.toFixed(1);

export function report(name: string, runs: number[], floor: number[], floorName: string) {
  const s = sorted(runs);
  const ratio = median(runs) / Math.max(median(floor), 1e-6);
  console.log(
    `| ${name} | ${ms(s[0] as number)} / ${ms(median(runs))} / ${ms(s.at(-1) as number)} | ${floorName} ${ms(median(floor))} | ${ratio.toFixed(1)}x |`,
  );
}
