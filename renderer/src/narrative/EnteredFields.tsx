import { useState } from 'react';
import type { EditRequest } from '../../../shared/contract/api';
import type { EnteredFigures } from '../../../shared/core/model';
import { formatYuan, parseAmount, type Fen } from '../../../shared/core/money';
import { VEHICLE_KINDS } from '../../../shared/core/narrative/index';
import { FormInput } from '../projects/FormInput';

interface Props {
  part: 'procurement' | 'assets';
  entered: EnteredFigures;
  send(edit: EditRequest): Promise<boolean>;
}

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

function amount(raw: string, optional: boolean): Checked<Fen | undefined> {
  if (raw.trim() === '') return { ok: true, value: optional ? undefined : 0 };
  const r = parseAmount(raw);
  if (!r.ok) return { ok: false, reason: `金额${r.reason}` };
  return r.fen < 0 ? { ok: false, reason: '金额不能为负数' } : { ok: true, value: r.fen };
}

function count(raw: string): Checked<number> {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: true, value: 0 };
  return /^\d{1,6}$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, reason: `“${raw}”不是数量：请填写 0 或正整数` };
}

const PROCUREMENT: { key: keyof EnteredFigures['procurement']; label: string }[] = [
  { key: 'goods', label: '政府采购货物（元）' },
  { key: 'works', label: '政府采购工程（元）' },
  { key: 'services', label: '政府采购服务（元）' },
  { key: 'smeReserved', label: '面向中小企业预留（元）' },
  { key: 'smallMicro', label: '其中预留给小微企业（元，可不填）' },
];

/** The entered figures a paragraph of 其他相关情况说明 is made from (政府采购, 国有资产), edited beside it. */
export function EnteredFields({ part, entered, send }: Props) {
  const [problem, setProblem] = useState('');
  const save = (next: EnteredFigures) => {
    setProblem('');
    void send({ op: 'setEntered', entered: next });
    return true;
  };
  const refuse = (what: string, reason: string) => {
    setProblem(`${what}未修改：${reason}`);
    return false;
  };
  const fields =
    part === 'procurement'
      ? PROCUREMENT.map(({ key, label }) => {
          const value = entered.procurement[key];
          return (
            <FormInput
              key={key}
              label={label}
              value={value === undefined ? '' : formatYuan(value)}
              onCommit={(raw) => {
                const r = amount(raw, key === 'smallMicro');
                if (!r.ok) return refuse(label, r.reason);
                const procurement = { ...entered.procurement };
                if (r.value === undefined) delete procurement.smallMicro;
                else procurement[key] = r.value;
                return save({ ...entered, procurement });
              }}
            />
          );
        })
      : [
          <FormInput
            key="asOf"
            label="统计截止日期（YYYY-MM-DD）"
            value={entered.assets.asOf}
            onCommit={(raw) => {
              const text = raw.normalize('NFKC').trim();
              if (text !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return refuse('统计截止日期', `“${raw}”不是日期：请按 YYYY-MM-DD 填写，如 2023-08-31`);
              return save({ ...entered, assets: { ...entered.assets, asOf: text } });
            }}
          />,
          ...VEHICLE_KINDS.map(({ key, label }) => (
            <FormInput
              key={key}
              label={`${label}（辆）`}
              value={String(entered.assets.vehicles[key])}
              onCommit={(raw) => {
                const r = count(raw);
                return r.ok ? save({ ...entered, assets: { ...entered.assets, vehicles: { ...entered.assets.vehicles, [key]: r.value } } }) : refuse(label, r.reason);
              }}
            />
          )),
          ...(['equipmentOver50', 'equipmentOver100'] as const).map((key) => (
            <FormInput
              key={key}
              label={key === 'equipmentOver50' ? '50万元以上通用设备（台套）' : '100万元以上专用设备（台套）'}
              value={String(entered.assets[key])}
              onCommit={(raw) => {
                const r = count(raw);
                return r.ok ? save({ ...entered, assets: { ...entered.assets, [key]: r.value } }) : refuse('设备数量', r.reason);
              }}
            />
          )),
          <FormInput
            key="planned"
            label="拟购置车辆及设备（不填则按明细生成）"
            rows={2}
            value={entered.assets.plannedPurchase}
            onCommit={(raw) => save({ ...entered, assets: { ...entered.assets, plannedPurchase: raw.trim() } })}
          />,
        ];
  return (
    <div className="entered-fields">
      {fields}
      {problem && (
        <p className="bad" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
