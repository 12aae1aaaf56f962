import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { timingText } from './measure';
import { benchWorkbook } from './workbook';

const COMMAND = 'node --import tsx test/bench/workbookRun.ts';
const result = benchWorkbook();
const report = `# 基准：工作簿文件（.budget）

复现：\`${COMMAND}\`（写出本文件）。毫秒，中位数（最小–最大），${result.open.runs} 次，每次单独计时，首次不计。

- 明细 ${result.lines.toLocaleString('en-US')} 行，文件 ${(result.fileBytes / 1024 / 1024).toFixed(1)} MB
- 机器：${cpus()[0]?.model ?? '未知'}，${cpus().length} 核；Node ${process.version}；测量结束时系统负载（1 分钟平均）${loadavg()[0].toFixed(1)}

| 操作 | 中位数 (范围) ms | 目标 |
| --- | --- | --- |
| 打开（表头检查、quick_check、加锁、读入全部明细） | ${timingText(result.open)} | ≤ 300 |
| 一次修改（一行金额，写入并提交，WAL + synchronous=FULL） | ${timingText(result.edit)} | ≤ 5 |
| 撤销该修改（写入并提交） | ${timingText(result.undo)} | ≤ 5 |
| 其中内存部分：\`applyEdit\` 改一行（10 万行的数组） | ${timingText(result.applyInMemory)} | |

修改与撤销的其余时间是 SQLite 写入与磁盘同步（每次提交一次 fsync）；机器忙时（其他进程占用 CPU 与磁盘）数字会明显变大。
`;
writeFileSync(join(import.meta.dirname, '..', '..', 'docs', 'benchmarks-workbook.md'), report);
process.stdout.write(report);
