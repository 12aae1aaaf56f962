// One export in a fresh process, so that its peak memory is its own: `node --import tsx
// test/bench/child-export.ts <lines> <out.xlsx>` prints one JSON line (see ChildResult in ./childReport).
import { exportPublication } from '../../main/excel/writeWorkbook';
import { generateWorkbook } from './generate';
import { report } from './childReport';

const [lines, out] = process.argv.slice(2);
const wb = generateWorkbook(Number(lines));
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
await exportPublication(wb, out);
report(performance.now() - start, rssBefore);
