/** Replaced by scripts/build-addon.ts with the build's --url-prefix (esbuild `define`). */
declare const __VA_ASSESS_URL_PREFIX__: string;

/** The URL prefix this build's manifest allowlists; '' outside a build (unit tests load the sources). */
export function builtUrlPrefix(): string {
  return typeof __VA_ASSESS_URL_PREFIX__ === 'string' ? __VA_ASSESS_URL_PREFIX__ : '';
}
