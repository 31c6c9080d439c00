import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { ReportChart } from '../../domain/report/report-model';
import { loadChartAssets } from './chart-assets';
import { CHART_FONT_FAMILY, chartSpec } from './chart-spec';

/** Word shows the PNG at the SVG's size; twice the pixels keep it sharp in print. */
const PNG_SCALE = 2;

export interface RenderedChart {
  chart: ReportChart;
  svg: string;
  png: Uint8Array;
  /** Size in CSS pixels (the SVG's own); the PNG has PNG_SCALE times as many. */
  width: number;
  height: number;
}

let fontReady: Promise<Uint8Array> | undefined;

/** resvg's WebAssembly may be instantiated once per process; the font is read once with it. */
function chartFont(): Promise<Uint8Array> {
  fontReady ??= (async () => {
    const { resvgWasm, font } = loadChartAssets();
    await initWasm(resvgWasm);
    return font;
  })();
  return fontReady;
}

/** vega-lite → vega → SVG (headless: no canvas, text measured by vega's estimate) → PNG with the shipped font. */
export async function renderChart(chart: ReportChart): Promise<RenderedChart> {
  const view = new View(parse(compile(chartSpec(chart)).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const resvg = new Resvg(svg, {
      font: { fontBuffers: [await chartFont()], defaultFontFamily: CHART_FONT_FAMILY },
      fitTo: { mode: 'zoom', value: PNG_SCALE },
      background: 'white',
    });
    // WebAssembly memory is not garbage-collected: free both objects, or a warm Lambda grows per chart.
    try {
      const rendered = resvg.render();
      try {
        return {
          chart,
          svg,
          png: rendered.asPng(),
          width: rendered.width / PNG_SCALE,
          height: rendered.height / PNG_SCALE,
        };
      } finally {
        rendered.free();
      }
    } finally {
      resvg.free();
    }
  } finally {
    view.finalize();
  }
}

export async function renderCharts(charts: readonly ReportChart[]): Promise<RenderedChart[]> {
  const rendered: RenderedChart[] = [];
  // One at a time: each holds a vega view and a pixmap; the report has a handful of charts.
  for (const chart of charts) rendered.push(await renderChart(chart));
  return rendered;
}
