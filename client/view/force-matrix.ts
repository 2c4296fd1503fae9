/** Floats per node and per edge in ForceAtlas2's matrices (graphology-layout-forceatlas2). */
export const PPN = 10;
export const PPE = 3;
