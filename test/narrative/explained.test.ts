import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { checksums, writeChecksums } from '../../main/workbook/checksum';
import { decodeEdit } from '../../main/workbook/editCodec';
import { WorkbookFile } from '../../main/workbook/file';
import { checkWorkbook } from '../../shared/core/checks/index';
import { measureKey } from '../../shared/core/measures';
import type { LineItem, Project, Workbook } from '../../shared/core/model';
import { buildNarrative, renderNarrativeText } from '../../shared/core/narrative/index';
import { confirmReason, upgradeTexts, writeReason } from '../../shared/core/reasons';
import { SAMPLE_PROJECT } from '../../shared/core/sample/sampleProject';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { yearOnYear } from '../../shared/core/yoy';
import { readBook, tempDir } from '../excel/helpers';

const general = measureKey.source('一般公共预算财政拨款');

/** The department head's step: about 1.27 million of 项目支出 for a new project, with its record. */
function withProjectMoney(record = true): Workbook {
  const wb = sampleWorkbook();
  const line: LineItem = { id: 1000, unit: wb.units[0].name, functionCode: '2120199', economicCode: '30227', kind: '项目支出', source: '一般公共预算财政拨款', project: '城市运行保障服务', amount: 127_000_000 };
  const project: Project = {
    ...SAMPLE_PROJECT,
    name: '城市运行保障服务',
    calculation: '',
    funds: { total: 127_000_000, fiscal: 127_000_000, other: 0, currentYearFiscal: 127_000_000, carriedOver: 0, otherAnnual: 0 },
    goals: { overall: '保障城市运行', annual: '保障城市运行' },
  };
  return { ...wb, lines: [...wb.lines, line], projects: record ? [...wb.projects, project] : wb.projects };
}

const explained = (wb: Workbook, key: string) => yearOnYear(wb).explained.find((r) => r.key === key)!;
const reasonFindings = (wb: Workbook) => checkWorkbook(wb).filter((f) => f.rule === 'N-REASON');

function give(wb: Workbook, key: string, text: string): Workbook {
  return { ...wb, texts: writeReason(wb.texts, key, text, explained(wb, key)) };
}

describe('failure 1: every reason written in 变动分析 reaches its sentence', () => {
  it('adding project money flags 收支总计, 财政拨款 (its old reason was for +65.41) and 一般公共预算 as 警告 of 审核', () => {
    const wb = withProjectMoney();
    expect(explained(wb, measureKey.fiscal)).toMatchObject({ reasonState: 'stale', flagged: true, reason: '人员和公用经费增加' });
    const flagged = reasonFindings(wb);
    expect(flagged.map((f) => f.place.change)).toEqual([measureKey.total, measureKey.fiscal, general]);
    expect(flagged.every((f) => f.severity === '警告')).toBe(true);
    expect(flagged[1].message).toBe('财政拨款比上年增加 192.41 万元（23.7%），所写原因是为此前的数字写的，可能已过时：请核对后确认或改写；请在“变动分析”中填写（写入编制说明）');
  });

  it('each reason written appears in the sentence of its change, and the 财政拨款 field is offered once', () => {
    let wb = withProjectMoney();
    wb = give(wb, measureKey.total, '新增城市运行保障服务项目');
    wb = give(wb, measureKey.fiscal, '新增城市运行保障服务项目，人员和公用经费增加');
    wb = give(wb, general, '城市运行保障服务纳入一般公共预算');
    const text = renderNarrativeText(buildNarrative(wb));
    expect(text).toContain('本部门收入预算 1,002.96 万元，比 2023 年预算增加 192.41 万元，其中：');
    expect(text).toContain('本部门收入支出预算增加的主要原因是新增城市运行保障服务项目。');
    expect(text).toContain('财政拨款收入支出增加的主要原因是新增城市运行保障服务项目，人员和公用经费增加。');
    expect(text).toContain('一般公共预算拨款支出预算 1,002.96 万元，比 2023 年预算增加 192.41 万元，主要原因是城市运行保障服务纳入一般公共预算；');
    expect(reasonFindings(wb)).toEqual([]);
    const edits = buildNarrative(wb).chapters.flatMap((c) => c.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.edits)));
    expect(edits.filter((e) => e.kind === 'reason' && e.key === measureKey.fiscal)).toHaveLength(1);
    expect(edits.filter((e) => e.kind === 'reason' && e.key === measureKey.total)).toHaveLength(1);
  });

  it('a reason for another change is possibly stale until confirmed; confirming clears the flag', () => {
    let wb = give(withProjectMoney(), measureKey.fiscal, '新增项目');
    expect(explained(wb, measureKey.fiscal).flagged).toBe(false);
    wb = { ...wb, lines: wb.lines.map((l) => (l.id === 1000 ? { ...l, amount: 100_000_000 } : l)) };
    expect(explained(wb, measureKey.fiscal)).toMatchObject({ reasonState: 'stale', flagged: true });
    expect(buildNarrative(wb).gaps).toContain('财政拨款比上年增加 165.41 万元（20.4%），所写原因是为此前的数字写的，可能已过时：请核对后确认或改写');
    wb = { ...wb, texts: confirmReason(wb.texts, measureKey.fiscal, explained(wb, measureKey.fiscal)) };
    expect(explained(wb, measureKey.fiscal)).toMatchObject({ reasonState: 'current', flagged: false, reason: '新增项目' });
  });

  it('a reason in a file written before reasons kept their figures is read, and shown as possibly stale', () => {
    const path = join(tempDir(), '旧.budget');
    WorkbookFile.create(path, sampleWorkbook()).close();
    const db = new Database(path);
    const legacy = { ...sampleWorkbook().texts, reasons: { fiscal: '人员和公用经费增加' } };
    db.prepare('UPDATE texts SET json = ?').run(JSON.stringify(legacy));
    // the checksum is of the texts as read (the reader upgrades them first)
    writeChecksums(db, { texts: checksums({ ...sampleWorkbook(), texts: upgradeTexts(legacy) }).texts });
    db.close();
    const file = WorkbookFile.open(path);
    const wb = file.workbook();
    file.close();
    expect(wb.texts.reasons.fiscal).toEqual({ text: '人员和公用经费增加' });
    expect(renderNarrativeText(buildNarrative(wb))).toContain('财政拨款收入支出增加的主要原因是人员和公用经费增加。');
    expect(explained(wb, measureKey.fiscal).reasonState).toBe('stale');
  });
});

describe('failure 2: no paragraph of 其他相关情况说明 is fixed text', () => {
  it('绩效目标 is counted from the project records once the project money is not what the entered counts were for, in the text and the export', async () => {
    expect(renderNarrativeText(buildNarrative(sampleWorkbook()))).toContain('其中编报绩效目标的项目3个，涉及项目预算资金27.25万元。');
    const wb = withProjectMoney();
    const text = renderNarrativeText(buildNarrative(wb));
    expect(text).toContain('本部门1个预算单位开展了2024年项目等预算绩效目标编报工作，其中编报绩效目标的项目2个，涉及项目预算资金142.25万元。');
    expect(text).not.toContain('27.25');
    const path = join(tempDir(), '导出.xlsx');
    await exportPublication(wb, path);
    const sheet = (await readBook(path)).getWorksheet('其他相关情况说明')!;
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push(String(row.getCell(1).value ?? '')));
    expect(cells).toContain('按照市、区两级预算绩效管理工作的总体要求，本部门1个预算单位开展了2024年项目等预算绩效目标编报工作，其中编报绩效目标的项目2个，涉及项目预算资金142.25万元。');
  });

  it('counts entered without the project money they were for (an older file) give way to the project records', () => {
    const wb = sampleWorkbook();
    delete wb.entered.performance.forProjectAmount;
    expect(renderNarrativeText(buildNarrative(wb))).toContain('其中编报绩效目标的项目1个，涉及项目预算资金15.25万元。');
    expect(renderNarrativeText(buildNarrative({ ...wb, projects: [] }))).toContain('其中编报绩效目标的项目3个，涉及项目预算资金27.25万元。');
  });

  it('a car bought is never “未安排购置车辆”; 政府采购 states the part for 小微企业', () => {
    const wb = withProjectMoney();
    wb.lines.push({ ...wb.lines[0], id: 1001, economicCode: '31013', kind: '项目支出', project: '城市运行保障服务', amount: 25_000_000 });
    wb.entered.procurement = { goods: 25_000_000, works: 0, services: 1_000_000, smeReserved: 26_000_000, smallMicro: 20_000_000 };
    const text = renderNarrativeText(buildNarrative(wb));
    expect(text).toContain('本部门2024年安排公务用车购置费预算25.00万元。');
    expect(text).not.toContain('未安排购置车辆');
    expect(text).toContain('本部门2024年面向中小企业预留政府采购项目预算26.00万元，其中，预留给小型和微型企业的政府采购项目预算为20.00万元。');
  });
});

describe('failure 3: every project is explained', () => {
  it('a project line without a record, a record without 绩效目标 or 指标, and a record without lines are 警告 that point at the project', () => {
    const wb = withProjectMoney(false);
    wb.projects = [...wb.projects, { ...SAMPLE_PROJECT, name: '已取消的项目', calculation: '', goals: { overall: '', annual: '' }, indicators: [] }];
    const found = checkWorkbook(wb).filter((f) => f.rule.startsWith('P-NO-'));
    expect(found.map((f) => [f.rule, f.severity, f.place.project])).toEqual([
      ['P-NO-RECORD', '警告', '其他项目支出（原文未逐项列明）'],
      ['P-NO-RECORD', '警告', '城市运行保障服务'],
      ['P-NO-TARGETS', '警告', '已取消的项目'],
      ['P-NO-LINES', '警告', '已取消的项目'],
    ]);
    expect(found[1].message).toContain('项目“城市运行保障服务”有项目支出明细 1,270,000.00 元，但没有项目信息');
    expect(found[2].message).toContain('未写绩效目标与绩效指标');
  });

  it('the export’s 项目经费情况说明 and 绩效目标申报表 cover every project that has a record', async () => {
    const path = join(tempDir(), '项目.xlsx');
    await exportPublication(withProjectMoney(), path);
    const book = await readBook(path);
    const texts = (name: string) => {
      const out: string[] = [];
      book.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
      return out;
    };
    expect(texts('项目经费情况说明').filter((t) => t.endsWith('项目经费情况说明'))).toEqual(['项目经费情况说明', '城管通服务费项目经费情况说明', '城市运行保障服务项目经费情况说明']);
    expect(texts('绩效目标申报表')).toEqual(expect.arrayContaining(['城管通服务费', '城市运行保障服务']));
  });
});

describe('per-unit text (单位预算)', () => {
  /** The sample with a second unit, an administrative one, with 30.00 万元 of its own. */
  function twoUnits(): Workbook {
    const wb = sampleWorkbook();
    wb.units = [...wb.units, { name: '某执法大队', type: '行政单位' }];
    wb.lines = [...wb.lines, { ...wb.lines[0], id: 2000, unit: '某执法大队', functionCode: '2120101', economicCode: '30201', amount: 30_000_000 }];
    return wb;
  }

  it('states that unit’s figures as 本单位, and the department’s total stays the department’s', () => {
    const wb = twoUnits();
    const unit = renderNarrativeText(buildNarrative(wb, undefined, { unit: '某执法大队' }));
    expect(unit).toContain('2024 年单位预算编制说明');
    expect(unit).toContain('2024 年，本单位收入预算 30.00 万元，其中：财政拨款收入 30.00 万元，事业收入 0 万元；');
    expect(unit).toContain('1. 城乡社区支出 30.00 万元，主要用于单位人员、公用和项目支出。');
    expect(unit).toContain('2024年，本单位“三公”经费预算数为0万元。');
    expect(unit).toContain('本单位2024年财政拨款机关运行经费预算为30.00万元。');
    expect(unit).not.toContain('本部门');
    expect(buildNarrative(wb, undefined, { unit: '某执法大队' }).gaps).toContain('2023 年预算数只有部门的（没有按明细的上年基数），单位的说明未写与上年的比较');
    expect(renderNarrativeText(buildNarrative(wb))).toContain('本部门收入预算 905.96 万元');
  });

  it('a unit’s export carries its text', async () => {
    const path = join(tempDir(), '单位.xlsx');
    await exportPublication(twoUnits(), path, { unit: '某执法大队' });
    const cells: string[] = [];
    (await readBook(path)).getWorksheet('预算编制说明')!.eachRow((row) => cells.push(String(row.getCell(1).value ?? '')));
    expect(cells).toContain('2024 年，本单位收入预算 30.00 万元，其中：财政拨款收入 30.00 万元，事业收入 0 万元；事业单位经营收入 0 万元；其他收入 0 万元。');
  });
});

describe('reasons in an older file’s edit log', () => {
  it('an undo that brings back texts written before reasons kept their figures reads them as reasons without figures', () => {
    const stored = JSON.stringify({ op: 'setTexts', texts: { ...sampleWorkbook().texts, reasons: { fiscal: '人员和公用经费增加', total: '' } } });
    expect(decodeEdit(stored)).toEqual({ op: 'setTexts', texts: { ...sampleWorkbook().texts, reasons: { fiscal: { text: '人员和公用经费增加' }, total: { text: '' } } } });
  });
});
