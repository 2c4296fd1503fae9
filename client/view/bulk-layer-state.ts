/** What the bulk layer (view/bulk-layer.ts) holds and last drew, as tests read it. */
export interface BulkLayerState {
  /** Nodes and edges of the scene the layer draws (the rest: Cytoscape, or hidden). */
  plainNodes: number;
  plainEdges: number;
  /** Ids of the elements Cytoscape draws on top, and how many of them are nodes. */
  emphasised: string[];
  emphasisedNodes: number;
  dimmed: boolean;
  /** The worker's last frame: how many of each it drew inside the view. */
  lastFrame: { nodes: number; edges: number; labels: number } | null;
}
