// One import in a fresh process, so that its peak memory is its own: `node --import tsx
// test/bench/child-import.ts <file.xlsx> <expected lines>` prints one JSON line (see ChildResult in ./childReport).
import { readLinesFile } from '../../main/excel/readLines';
import { report } from './childReport';

const [file, expected] = process.argv.slice(2);
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const { lines } = await readLinesFile(file);
const elapsed = performance.now() - start;
if (lines.length !== Number(expected)) throw new Error(`read ${lines.length} lines, expected ${expected}`);
report(elapsed, rssBefore);
