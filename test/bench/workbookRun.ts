import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { timingText } from './measure';
import { benchWorkbook } from './workbook';

const COMMAND = 'node --import tsx test/bench/workbookRun.ts';
const r = benchWorkbook();
const report = `# 基准：工作簿文件（.budget）

复现：\`${COMMAND}\`（写出本文件）。毫秒，中位数（最小–最大）；每个操作单独计时；打开 ${r.open.runs} 次（另有一次预热不计），
每次打开后改一行再撤销，之后再改、撤销各 ${r.edit.runs / r.open.runs} 次。

- 明细 ${r.lines.toLocaleString('en-US')} 行，文件 ${(r.fileBytes / 1024 / 1024).toFixed(1)} MB
- 机器：${cpus()[0]?.model ?? '未知'}，${cpus().length} 核；Node ${process.version}；测量结束时系统负载（1 分钟平均）${loadavg()[0].toFixed(1)}

| 操作 | 中位数 (范围) ms | 目标 |
| --- | --- | --- |
| 打开（表头与旁边文件检查、quick_check、加锁、读入全部明细、核对校验值） | ${timingText(r.open)} | ≤ 300 |
| 其中核对校验值（每行明细的每个字段） | ${timingText(r.checksumsOnOpen)} | |
| 打开后的第一次修改（一行金额，写入、提交并并入文件） | ${timingText(r.firstEdit)} | ≤ 5 |
| 撤销它（写入、提交并并入文件） | ${timingText(r.firstUndo)} | ≤ 5 |
| 之后的每次修改（写入、提交并并入文件） | ${timingText(r.edit)} | ≤ 5 |
| 之后的每次撤销（写入、提交并并入文件） | ${timingText(r.undo)} | ≤ 5 |
| 其中内存部分：\`applyEdit\` 改一行（${r.lines.toLocaleString('en-US')} 行的数组） | ${timingText(r.applyInMemory)} | |

一次修改或撤销 = \`applyEdit\`（找到那一行并复制明细数组，即“内存部分”）+ 校验值的增量 + SQLite 写入与提交（WAL，synchronous=FULL）
+ 检查点（把 -wal 并入 .budget 并清空 -wal，见 [workbook-file.md](workbook-file.md)），共三次 fsync。机器忙时（其他进程占用 CPU 与磁盘，
尤其是 fsync）各项数字会明显变大。
`;
writeFileSync(join(import.meta.dirname, '..', '..', 'docs', 'benchmarks-workbook.md'), report);
process.stdout.write(report);
