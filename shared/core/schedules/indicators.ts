import type { Schedules } from './model';

/** The standard 一级 / 二级 indicator names of a 绩效目标 (产出, 效益, 满意度), as data; a department adds its own. */
export const STANDARD_INDICATORS: readonly { level1: string; level2: string }[] = [
  { level1: '产出指标', level2: '数量指标' },
  { level1: '产出指标', level2: '质量指标' },
  { level1: '产出指标', level2: '时效指标' },
  { level1: '产出指标', level2: '成本指标' },
  { level1: '效益指标', level2: '经济效益指标' },
  { level1: '效益指标', level2: '社会效益指标' },
  { level1: '效益指标', level2: '生态效益指标' },
  { level1: '效益指标', level2: '可持续影响指标' },
  { level1: '满意度指标', level2: '服务对象满意度指标' },
];

/** The library the screens offer: the standard names, then the department's own (each pair once). */
export function indicatorLibrary(schedules: Pick<Schedules, 'indicatorLibrary'> | undefined): { level1: string; level2: string }[] {
  const seen = new Set<string>();
  return [...STANDARD_INDICATORS, ...(schedules?.indicatorLibrary ?? [])].filter((i) => {
    const key = `${i.level1}\u0000${i.level2}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
