import type { ElementDef } from './elements.js';

/** A seeded pseudo-random generator (mulberry32), so bench runs draw the same graphs. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic alliance-like graph for the render bench: one node in eight is an alliance hub,
 * every node links to `perNode` earlier ones, biased towards hubs as real memberships are.
 */
export function syntheticElements(n: number, perNode: number, seed = 42): ElementDef[] {
  const rand = rng(seed);
  const out: ElementDef[] = [];
  const hubs: number[] = [];
  for (let i = 0; i < n; i++) {
    const hub = i % 8 === 0;
    if (hub) hubs.push(i);
    out.push({
      group: 'nodes',
      data: {
        id: `s${i}`,
        name: hub ? `Alliance ${i}` : `Nation ${i}`,
        label: hub ? 'Alliance' : 'Nation',
        shape: hub ? 'hexagon' : 'ellipse',
        size: hub ? 40 : 24,
      },
      classes: hub ? 'n-Alliance' : 'n-Nation',
    });
  }
  let e = 0;
  for (let i = 1; i < n; i++) {
    const targets = new Set<number>();
    for (let k = 0; k < perNode && targets.size < i; k++) {
      const useHub = rand() < 0.6 && hubs.length > 0 && (hubs[0] as number) < i;
      const pool = useHub ? hubs.filter((x) => x < i) : null;
      const t = pool ? (pool[Math.floor(rand() * pool.length)] as number) : Math.floor(rand() * i);
      targets.add(t);
    }
    for (const t of targets) {
      out.push({
        group: 'edges',
        data: { id: `e${e++}`, source: `s${i}`, target: `s${t}`, type: 'MEMBER_OF' },
        classes: 'r-MEMBER_OF',
      });
    }
  }
  return out;
}
