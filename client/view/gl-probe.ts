/** Software rasterisers Chromium and Firefox fall back to without a usable GPU. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

/** Whether a WebGL renderer string (WEBGL_debug_renderer_info) names a hardware GPU. */
export function isHardwareGl(renderer: string | null): boolean {
  return !!renderer && !SOFTWARE_GL.test(renderer);
}
