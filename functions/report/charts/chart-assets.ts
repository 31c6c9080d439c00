import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Defined (as `true`) only by the esbuild `define` in serverless.yml. The Lambda bundle ships without
 * node_modules or the source tree, so there both files are inlined by esbuild's binary loader instead.
 */
declare const __EMBEDDED_CHART_ASSETS__: true | undefined;

/** The bytes the PNG step needs: resvg's WebAssembly build and the font the charts are drawn with. */
export interface ChartAssets {
  resvgWasm: Uint8Array;
  font: Uint8Array;
}

export function loadChartAssets(): ChartAssets {
  // One expression, not an if: esbuild then drops the disk branch from the bundle instead of warning about it.
  return typeof __EMBEDDED_CHART_ASSETS__ !== 'undefined'
    ? // Static paths on purpose: esbuild inlines both at build time (loader '.wasm' / '.ttf': 'binary').
      { resvgWasm: require('@resvg/resvg-wasm/index_bg.wasm'), font: require('./fonts/DejaVuSans.ttf') }
    : // tsx, jest and compiled code run from the checkout: read the files where npm and the repo put them.
      {
        resvgWasm: readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')),
        // Shipped in the repo (its licence next to it), so every host draws the same text.
        font: readFileSync(join(__dirname, 'fonts', 'DejaVuSans.ttf')),
      };
}
