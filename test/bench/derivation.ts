// tsx test/bench/derivation.ts [--lines 100000] [--rounds 20] [--against DIR …]
//
// The derivation alone, A/B: this checkout against other checkouts of the project (e.g. a
// `git archive` of an older commit with node_modules linked), all loaded in one process and run in
// turns within each round, so that a busy machine slows every side alike. Per side, the median
// (and minimum) over the rounds of: the tables from the line objects (deriveWorkbookTables), the
// engine's pass over the kept lines (LineStore.aggregate), the table models from its sums
// (tablesFromAggregates, function rows rolled up afresh), the table update after one amount edit
// (updateTables alone), and one amount edit in a LiveWorkbook (apply, then findings). Times are CPU time of the process (process.cpuUsage), which a machine shared
// with other work inflates less than the clock; `--wall` uses the clock. Prints; writes nothing.
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { generateWorkbook, mulberry32 } from './generate';

type Side = {
  root: string;
  LineStore: typeof import('../../shared/core/live/lineStore').LineStore;
  LiveWorkbook: typeof import('../../shared/core/live/liveWorkbook').LiveWorkbook;
  unitTypeLookup: typeof import('../../shared/core/model').unitTypeLookup;
  tablesFromAggregates: typeof import('../../shared/core/tables/derive').tablesFromAggregates;
  updateTables: typeof import('../../shared/core/tables/derive').updateTables;
  withLineUnits: typeof import('../../shared/core/tables/derive').withLineUnits;
  applyLine: typeof import('../../shared/core/tables/aggregate').applyLine;
  deriveWorkbookTables: typeof import('../../shared/core/workbookTables').deriveWorkbookTables;
};

const METRICS = ['objects', 'pass', 'models', 'update', 'apply', 'findings'] as const;

function option(argv: string[], name: string): string[] {
  return argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]] : []));
}

async function load(root: string): Promise<Side> {
  const at = (path: string) => import(`${root}/shared/core/${path}`);
  return { root, ...(await at('live/lineStore.ts')), ...(await at('live/liveWorkbook.ts')), ...(await at('model.ts')), ...(await at('tables/derive.ts')), ...(await at('tables/aggregate.ts')), ...(await at('workbookTables.ts')) };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const ms = (x: number) => x.toFixed(x < 1 ? 3 : 2);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const lines = Number(option(argv, '--lines')[0] ?? 100_000);
  const rounds = Number(option(argv, '--rounds')[0] ?? 20);
  const here = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
  const roots = [here, ...option(argv, '--against')];
  const clock = argv.includes('--wall')
    ? () => performance.now()
    : () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      };
  const wb = generateWorkbook(lines);
  const sides = await Promise.all(roots.map(load));
  const state = sides.map((s) => {
    const units = s.withLineUnits(wb.units, wb.lines);
    const typeOf = s.unitTypeLookup(units);
    const ctx = { department: wb.department, year: wb.year, units };
    const store = new s.LineStore(wb.lines);
    const agg = store.aggregate(typeOf);
    const live = new s.LiveWorkbook(wb);
    live.findings();
    return { typeOf, ctx, store, agg, tables: s.tablesFromAggregates(ctx, agg), byId: new Map(wb.lines.map((l) => [l.id, l])), live };
  });
  const samples = sides.map(() => Object.fromEntries(METRICS.map((m) => [m, [] as number[]])) as Record<(typeof METRICS)[number], number[]>);
  for (let round = 0; round < rounds; round++) {
    const random = mulberry32(round + 1);
    const edits = Array.from({ length: 30 }, () => ({ id: wb.lines[Math.floor(random() * wb.lines.length)].id, amount: Math.floor(random() * 100_000_000) }));
    for (let k = 0; k < sides.length; k++) {
      const i = (k + round) % sides.length;
      const [s, st, out] = [sides[i], state[i], samples[i]];
      let t = clock();
      for (let j = 0; j < 3; j++) s.deriveWorkbookTables(wb);
      out.objects.push((clock() - t) / 3);
      t = clock();
      for (let j = 0; j < 5; j++) s.tablesFromAggregates(st.ctx, st.store.aggregate(st.typeOf));
      const both = (clock() - t) / 5;
      t = clock();
      for (let j = 0; j < 5; j++) st.store.aggregate(st.typeOf);
      out.pass.push((clock() - t) / 5);
      out.models.push(both - out.pass[out.pass.length - 1]);
      let update = 0;
      let apply = 0;
      let findings = 0;
      for (const e of edits) {
        const before = st.byId.get(e.id)!;
        const after = { ...before, amount: e.amount };
        s.applyLine(st.agg, before, st.typeOf(before.unit), -1);
        s.applyLine(st.agg, after, st.typeOf(after.unit), 1);
        st.byId.set(e.id, after);
        t = clock();
        st.tables = s.updateTables(st.tables, st.ctx, st.agg, [before.functionCode]);
        update += clock() - t;
        t = clock();
        st.live.apply({ op: 'updateLines', changes: [{ id: e.id, set: { amount: e.amount } }] });
        const applied = clock();
        st.live.findings();
        apply += applied - t;
        findings += clock() - applied;
      }
      out.update.push(update / edits.length);
      out.apply.push(apply / edits.length);
      out.findings.push(findings / edits.length);
    }
  }
  for (let k = 1; k < sides.length; k++) {
    if (!isDeepStrictEqual(state[k].live.tables, state[0].live.tables)) process.stdout.write(`note: the tables of ${roots[k]} differ from this checkout's\n`);
  }
  process.stdout.write(`${lines.toLocaleString('en-US')} lines, ${rounds} rounds, ${argv.includes('--wall') ? 'wall clock' : 'CPU time'}, ms: median (min)\n`);
  sides.forEach((s, k) => process.stdout.write(`${s.root}\n  ${METRICS.map((m) => `${m} ${ms(median(samples[k][m]))} (${ms(Math.min(...samples[k][m]))})`).join('  ')}\n`));
}

await main();
