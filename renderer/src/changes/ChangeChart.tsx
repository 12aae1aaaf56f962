import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatWan, wanHundredths } from '../../../shared/core/money';
import type { YoyRow } from '../../../shared/core/yoy';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  rows: readonly YoyRow[];
  year: number;
  previousYear: number;
}

/** The chart plots 万元 with two decimals; the exact figures are in the table beside it. */
const plotted = (fen: number) => wanHundredths(fen) / 100;

/** This year against last year, in 万元, as grouped bars. */
export function ChangeChart({ rows, year, previousYear }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        textStyle: { fontFamily: 'Noto Sans CJK SC, Microsoft YaHei, sans-serif' },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => `${String(v)} 万元`,
        },
        legend: { top: 0, right: 10, data: [`${year}年`, `${previousYear}年`] },
        grid: { left: 60, right: 20, top: 50, bottom: 10, containLabel: true },
        xAxis: { type: 'category', data: rows.map((r) => r.label || r.code || r.key), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' } },
        yAxis: { type: 'value', name: '万元' },
        series: [
          { name: `${year}年`, type: 'bar', data: rows.map((r) => plotted(r.current)) },
          { name: `${previousYear}年`, type: 'bar', data: rows.map((r) => (r.previous === null ? null : plotted(r.previous))) },
        ],
      },
      true,
    );
  }, [rows, year, previousYear]);

  return <div className="change-chart" ref={element} role="img" aria-label={`${year}年与${previousYear}年对比图（万元）：${rows.map((r) => `${r.label} ${formatWan(r.current)}`).join('，')}`} />;
}
