/**
 * The render bench's measuring stick (bench/render.ts): sigma.js over graphology paints the
 * same synthetic graph at the same seeded start positions Entente's canvas first paints. Not
 * part of the product; `window.__sigmaBench(n, perNode)` returns what it measured.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { startPositions } from '../../client/view/force-input.js';
import { syntheticElements } from '../../client/view/synthetic.js';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0;
};

async function sigmaBench(n: number, perNode: number, sweep = true) {
  const elements = syntheticElements(n, perNode);
  const nodes = elements.filter((e) => e.group === 'nodes');
  const start = startPositions({
    nodes: nodes.map((e) => ({ id: e.data.id, fixed: false })),
    edges: [],
    keep: false,
  });
  await frame();
  const t0 = performance.now();
  const graph = new Graph();
  nodes.forEach((e, i) => {
    const hub = e.data.label === 'Alliance';
    graph.addNode(e.data.id, {
      x: start[i * 2] ?? 0,
      y: start[i * 2 + 1] ?? 0,
      size: hub ? 6 : 3,
      color: hub ? '#d9480f' : '#1864ab',
      label: String(e.data.name),
    });
  });
  for (const e of elements) {
    if (e.group !== 'edges') continue;
    graph.addEdgeWithKey(e.data.id, String(e.data.source), String(e.data.target), {
      color: '#888',
      size: 1,
    });
  }
  const host = document.querySelector<HTMLElement>('#graph');
  if (!host) throw new Error('no #graph');
  const renderer = new Sigma(graph, host);
  await frame();
  await frame();
  const firstPaintMs = Math.round(performance.now() - t0);
  const camera = renderer.getCamera();
  const deltas: number[] = [];
  let last = performance.now();
  // Fewer frames than Entente's sweep: each one is a full WebGL redraw on software GL here.
  for (let k = 0; k < (sweep ? 12 : 0); k++) {
    const s = camera.getState();
    if (k % 2 === 0) camera.setState({ x: s.x + 0.004, y: s.y - 0.003 });
    else camera.setState({ ratio: s.ratio * (k % 4 === 1 ? 0.96 : 1.03) });
    const now = await frame();
    deltas.push(now - last);
    last = now;
  }
  const gl = document.createElement('canvas').getContext('webgl');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  const glRenderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'none';
  renderer.kill();
  return {
    nodes: graph.order,
    edges: graph.size,
    firstPaintMs,
    frameMs: Math.round(quantile(deltas, 0.5) * 10) / 10,
    frameP95Ms: Math.round(quantile(deltas, 0.95) * 10) / 10,
    glRenderer,
  };
}

(window as unknown as { __sigmaBench: typeof sigmaBench }).__sigmaBench = sigmaBench;
