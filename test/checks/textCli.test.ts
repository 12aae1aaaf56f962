import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { REFERENCE, runBudget } from '../helpers/cli';

const PUBLISHED = join(REFERENCE, 'seed-2024-published-tables.json');
const TEXT = join(REFERENCE, '003_122eecf31f5b0360.txt');
const WORDING = '“公务接待费0.29万元，比上年预算持平”：“比上年预算持平”不是规范用语，应写“与上年预算持平”';

const textFindings = (stdout: string) => (JSON.parse(stdout).findings as { rule: string; message: string }[]).filter((f) => f.rule.startsWith('X-'));

describe('budget check --text', () => {
  it('on the seed publication’s text finds its one wording error and nothing else, read as UTF-8 or GB18030', () => {
    const run = runBudget(['check', PUBLISHED, '--text', TEXT, '--json']);
    expect(run.status).toBe(1);
    expect(textFindings(run.stdout)).toEqual([
      {
        id: 'X-WORDING|文本:公务接待费0.29万元，比上年预算持平',
        rule: 'X-WORDING',
        severity: '错误',
        message: WORDING,
        place: { sentence: '公务接待费0.29万元，比上年预算持平' },
        consequences: [],
      },
    ]);
    const gb = join(mkdtempSync(join(tmpdir(), 'budget-text-')), '公开文本.txt');
    writeFileSync(gb, iconv.encode(readFileSync(TEXT, 'utf8'), 'gb18030'));
    expect(textFindings(runBudget(['check', PUBLISHED, '--text', gb, '--json']).stdout).map((f) => f.message)).toEqual([WORDING]);
  });

  it('reads the text a publication JSON carries (text or narrative), and checks our own text against the workbook', () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-text-'));
    const json = join(dir, '公开.json');
    const tables = JSON.parse(readFileSync(PUBLISHED, 'utf8'));
    writeFileSync(json, JSON.stringify({ ...(Array.isArray(tables) ? { tables } : tables), narrative: '（三）公务接待费0.39万元，比上年预算持平。' }));
    expect(textFindings(runBudget(['check', json, '--json']).stdout).map((f) => f.rule)).toEqual(['X-WORDING', 'X-FIGURE']);
    const own = join(dir, '说明.txt');
    writeFileSync(own, runBudget(['narrative', '--sample']).stdout);
    const run = runBudget(['check', '--sample', '--text', own]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('[X-');
  });

  it('a missing text file is a Chinese message and status 2', () => {
    const run = runBudget(['check', PUBLISHED, '--text', join(tmpdir(), '没有这个文件.txt')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('无法读取文件');
  });
});
