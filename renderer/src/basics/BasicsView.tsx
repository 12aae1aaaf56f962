import { useEffect, useMemo, useState } from 'react';
import type { EditRequest } from '../../../shared/contract/api';
import { DEFAULT_UNIT_TYPE, UNIT_TYPES, runsOfficeExpenses, type BudgetUnit, type UnitType, type Workbook } from '../../../shared/core/model';
import { DEFAULT_TEMPLATE_ID, TEMPLATES } from '../../../shared/core/templates/registry';

interface Props {
  workbook: Workbook;
  send(edit: EditRequest): Promise<boolean>;
  notify(message: string, kind?: 'info' | 'error'): void;
}

/** 基本信息: the department, the year, the publication template, and the budget units with their types. */
export function BasicsView({ workbook, send, notify }: Props) {
  const [department, setDepartment] = useState(workbook.department);
  const [year, setYear] = useState(String(workbook.year));
  const [newUnit, setNewUnit] = useState('');
  useEffect(() => {
    setDepartment(workbook.department);
    setYear(String(workbook.year));
  }, [workbook.department, workbook.year]);

  const lineCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const l of workbook.lines) counts.set(l.unit, (counts.get(l.unit) ?? 0) + 1);
    return counts;
  }, [workbook.lines]);
  const template = TEMPLATES.find((t) => t.id === workbook.template) ?? TEMPLATES.find((t) => t.id === DEFAULT_TEMPLATE_ID)!;
  const undeclared = [...lineCounts.keys()].filter((u) => !workbook.units.some((d) => d.name === u));

  const saveMeta = () => {
    const name = department.trim();
    const y = /^\d{4}$/.test(year.trim()) ? Number.parseInt(year.trim(), 10) : NaN;
    if (name === '') return notify('部门名称不能为空；请填写编制部门的全称', 'error');
    if (!(y >= 2000 && y <= 2100)) return notify(`预算年度“${year}”无效；请填写 2000 至 2100 之间的四位年份`, 'error');
    if (name !== workbook.department || y !== workbook.year) void send({ op: 'setMeta', department: name, year: y }).then((ok) => ok && notify('已保存部门名称和年度'));
  };

  const setUnits = (units: BudgetUnit[]) => void send({ op: 'setUnits', units });
  const addUnit = (name: string, type: UnitType = DEFAULT_UNIT_TYPE) => {
    const trimmed = name.trim();
    if (trimmed === '') return notify('请先填写单位名称', 'error');
    if (workbook.units.some((u) => u.name === trimmed)) return notify(`单位“${trimmed}”已在列表中`, 'error');
    setUnits([...workbook.units, { name: trimmed, type }]);
    setNewUnit('');
  };

  return (
    <div className="basics">
      <section>
        <h2>部门与年度</h2>
        <label className="field">
          <span>编制部门</span>
          <input value={department} size={40} onChange={(e) => setDepartment(e.target.value)} onBlur={saveMeta} />
        </label>
        <label className="field">
          <span>预算年度</span>
          <input value={year} size={6} inputMode="numeric" onChange={(e) => setYear(e.target.value)} onBlur={saveMeta} />
        </label>
      </section>
      <section>
        <h2>公开模板</h2>
        <p className="hint">公开表按所选地区、层级的表样生成、显示、导出和审核（各模板的来源与格式见 docs/templates.md）。</p>
        <label className="field">
          <span>公开模板</span>
          <select
            aria-label="公开模板"
            value={template.id}
            onChange={(e) => {
              const chosen = TEMPLATES.find((t) => t.id === e.target.value)!;
              void send({ op: 'setTemplate', template: chosen.id === DEFAULT_TEMPLATE_ID ? null : chosen.id }).then((ok) => ok && notify(`公开表改用“${chosen.name}”：${chosen.tables.length} 张表`));
            }}
          >
            {TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">依据：{template.source}</p>
      </section>
      <section>
        <h2>预算单位</h2>
        <p className="hint">单位类型决定其公用经费是否计入机关运行经费（行政单位和参照公务员法管理的事业单位计入）。未登记的单位按事业单位处理。</p>
        <table className="yoy">
          <thead>
            <tr>
              <th>单位名称</th>
              <th>单位类型</th>
              <th>明细行数</th>
              <th>机关运行经费</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {workbook.units.map((u, i) => (
              <tr key={u.name}>
                <td>{u.name}</td>
                <td>
                  <select
                    value={u.type}
                    aria-label={`${u.name}的单位类型`}
                    onChange={(e) => setUnits(workbook.units.map((x, j) => (j === i ? { ...x, type: e.target.value as UnitType } : x)))}
                  >
                    {UNIT_TYPES.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                </td>
                <td className="type-amount">{lineCounts.get(u.name) ?? 0}</td>
                <td>{runsOfficeExpenses(u.type) ? '计入' : '不计入'}</td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      (lineCounts.get(u.name) ?? 0) > 0
                        ? notify(`单位“${u.name}”还有 ${lineCounts.get(u.name)} 行明细，不能删除；请先修改或删除这些明细`, 'error')
                        : setUnits(workbook.units.filter((_, j) => j !== i))
                    }
                  >
                    删除
                  </button>
                </td>
              </tr>
            ))}
            {undeclared.map((name) => (
              <tr key={`undeclared-${name}`} className="flagged">
                <td>{name}</td>
                <td>未登记（按事业单位）</td>
                <td className="type-amount">{lineCounts.get(name)}</td>
                <td>不计入</td>
                <td>
                  <button type="button" onClick={() => addUnit(name)}>
                    登记
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="versions-bar">
          <input value={newUnit} placeholder="新单位名称" aria-label="新单位名称" size={30} onChange={(e) => setNewUnit(e.target.value)} />
          <button type="button" onClick={() => addUnit(newUnit)}>
            添加单位
          </button>
        </div>
      </section>
    </div>
  );
}
