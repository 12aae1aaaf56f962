import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { REFERENCE, runBudget } from '../helpers/cli';

const seedCsv = readFileSync(join(REFERENCE, 'seed-2024-line-items.csv'), 'utf8');
const expected = JSON.parse(readFileSync(join(REFERENCE, 'seed-2024-tables.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'budget-input-'));
const ARGS = ['--department', '上海市宝山区城市运行管理中心', '--year', '2024'];

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function derive(path: string) {
  return runBudget(['derive', path, ...ARGS]);
}

function refused(path: string) {
  const run = derive(path);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  return run.stderr;
}

describe('the line-item CSV as people save it', () => {
  it('reads GB18030 as Excel in Chinese saves it', () => {
    const run = derive(write('gb.csv', iconv.encode(seedCsv.replace(/\n/g, '\r\n'), 'gb18030')));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });

  it('reads UTF-8 with a BOM', () => {
    const run = derive(write('bom.csv', '\uFEFF' + seedCsv));
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });

  it('finds columns by header name in any order', () => {
    const rows = seedCsv.trim().split(/\r?\n/).map((r) => r.split(','));
    const order = [6, 3, 0, 5, 2, 4, 1];
    const shuffled = rows.map((r) => order.map((i) => r[i]).join(',')).join('\n');
    expect(JSON.parse(derive(write('shuffled.csv', shuffled)).stdout)).toEqual(expected);
  });

  it('uses the 科目名称 a line carries for a code not in the catalog, with a warning', () => {
    const csv = seedCsv.trim().replace('单位名称,', '功能分类科目名称,单位名称,').split('\n');
    const body = csv.slice(1).map((r) => ',' + r);
    body.push('行政运行（测试）,上海市宝山区城市运行管理中心,2129988,30201,基本支出,一般公共预算财政拨款,,100.00');
    const run = derive(write('named.csv', [csv[0], ...body].join('\n')));
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('功能分类编码 2129988 不在科目表中，按文件中的科目名称“行政运行（测试）”使用');
    const t3 = JSON.parse(run.stdout).tables[2];
    expect(t3.rows).toContainEqual(['212', '99', '88', '行政运行（测试）', '100.00', '100.00', '']);
  });
});

describe('bad input ends with a message naming file, row and column, and exit status 2', () => {
  it('an unknown code', () => {
    const err = refused(write('unknown.csv', seedCsv.replace('2080505,30108', '2080588,30108')));
    expect(err).toContain('unknown.csv 第 2 行“功能分类科目编码”列：功能分类编码 2080588 不在科目表中');
  });

  it('a code that is not a leaf', () => {
    const err = refused(write('class.csv', seedCsv.replace('2080505,30108', '20805,30108')));
    expect(err).toContain('class.csv 第 2 行“功能分类科目编码”列：功能分类编码 20805（行政事业单位养老支出）不是末级科目');
  });

  it('a malformed amount like 6,34695.92', () => {
    const err = refused(write('amount.csv', seedCsv.replace(',800324.32', ',"6,34695.92"')));
    expect(err).toContain('amount.csv 第 2 行“金额（元）”列：“6,34695.92”的千分位分隔符位置不对');
  });

  it('every bad row is listed, and nothing is printed', () => {
    const err = refused(write('many.csv', seedCsv.replace('基本支出', '基本').replace('152500.00', 'abc')));
    expect(err).toContain('第 2 行“支出类型”列');
    expect(err).toContain('第 30 行“金额（元）”列');
    expect(err).toContain('2 处错误');
  });

  it('a missing column', () => {
    const err = refused(write('nocol.csv', seedCsv.replace('资金来源,', '来源,')));
    expect(err).toContain('nocol.csv 第 1 行：表头缺少列：资金来源');
  });

  it('a project line without a project name', () => {
    const err = refused(write('noproject.csv', seedCsv.replace(',城管通服务费,', ',,')));
    expect(err).toContain('第 30 行“项目名称”列：项目支出必须填写项目名称');
  });

  it('an empty file, a header-only file and a file that is not text', () => {
    expect(refused(write('empty.csv', ''))).toContain('文件 empty.csv 是空的');
    expect(refused(write('header.csv', seedCsv.split('\n')[0] + '\n'))).toContain('文件只有表头，没有明细行');
    expect(refused(write('binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01])))).toContain('不是文本文件');
    expect(refused(join(dir, 'missing.csv'))).toContain('文件不存在');
  });

  it('a bad option', () => {
    const run = runBudget(['derive', '--sample', '--year', '24']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--year 应为四位年份');
  });
});
