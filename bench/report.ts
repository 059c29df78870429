import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from './measure.ts';

/** How the benchmarks print: figures as they come, a compact table at the end, raw figures as JSON. */

export const ms = (x: number): string => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
export const times = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

interface Row {
  engine: string;
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
}

export function createReport(name: string) {
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  const loadBefore = os.loadavg();
  const started = performance.now();
  return {
    raw,
    /** Records and prints one figure of `engine`, with its same-run baseline and their ratio. */
    add(engine: string, measure: string, value: string, baseline = '', ratio = ''): void {
      rows.push({ engine, measure, value, baseline, ratio });
      console.log(`  ${measure}: ${value}${baseline ? ` vs ${baseline}${ratio ? ` → ${ratio}` : ''}` : ''}`);
    },
    /** Prints the table (with the load average before and now) and writes the raw figures to bench/out. */
    finish(title: string, settings: Record<string, unknown>): void {
      const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
      const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
      const cols = ['engine', 'measure', 'value', 'baseline', 'ratio'] as const;
      const w = cols.map((c) => Math.max(width(c), ...rows.map((r) => width(r[c]))));
      const line = (cells: string[]) => cells.map((c, i) => pad(c, w[i]!)).join('  ');
      const loadAfter = os.loadavg();
      const loadAvg = `load average ${loadBefore[0]!.toFixed(1)} → ${loadAfter[0]!.toFixed(1)} (5 min ${loadAfter[1]!.toFixed(1)})`;
      console.log(`\n${title}, Node ${process.version}, ${os.cpus().length} cores, ${loadAvg}, ${new Date().toISOString()}`);
      console.log(line([...cols]));
      console.log(line(w.map((n) => '-'.repeat(n))));
      for (const r of rows) console.log(line(cols.map((c) => r[c])));
      console.log(`total ${ms(performance.now() - started)}`);
      fs.mkdirSync(path.join(REPO, 'bench/out'), { recursive: true });
      const out = path.join(REPO, 'bench/out', `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
      fs.writeFileSync(out, JSON.stringify({ ...settings, loadBefore, loadAfter, rows, raw }, null, 2));
      console.log(`raw figures: ${path.relative(REPO, out)}`);
    },
  };
}
export type Report = ReturnType<typeof createReport>;
