export interface ClusterablePair {
  id: string;
  score: number;
  imageA: { id: string };
  imageB: { id: string };
}

export interface Cluster<P extends ClusterablePair> {
  /** Stable: the smallest image id of the cluster. */
  key: string;
  imageIds: string[];
  /** Highest score first. */
  pairs: P[];
  topScore: number;
}

/**
 * Groups flagged pairs into duplicate clusters: the connected components of the graph whose
 * edges are the pairs. One image reused three times is one cluster of three pairs, not three
 * unrelated findings. Clusters come highest-scoring first.
 */
export function clusterPairs<P extends ClusterablePair>(pairs: readonly P[]): Cluster<P>[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    // Path compression keeps later finds O(α(n)).
    let node = id;
    while (node !== root) {
      const next = parent.get(node) as string;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const pair of pairs) {
    for (const id of [pair.imageA.id, pair.imageB.id]) if (!parent.has(id)) parent.set(id, id);
    const a = find(pair.imageA.id);
    const b = find(pair.imageB.id);
    // The smaller id becomes the root (ids are strings: compare, do not Math.min).
    if (a < b) parent.set(b, a);
    else if (b < a) parent.set(a, b);
  }
  const byRoot = new Map<string, Cluster<P>>();
  for (const pair of pairs) {
    const root = find(pair.imageA.id);
    let cluster = byRoot.get(root);
    if (!cluster) {
      cluster = { key: root, imageIds: [], pairs: [], topScore: -Infinity };
      byRoot.set(root, cluster);
    }
    cluster.pairs.push(pair);
    cluster.topScore = Math.max(cluster.topScore, pair.score);
    for (const id of [pair.imageA.id, pair.imageB.id]) {
      if (!cluster.imageIds.includes(id)) cluster.imageIds.push(id);
    }
  }
  const clusters = [...byRoot.values()];
  for (const cluster of clusters) {
    cluster.pairs.sort((x, y) => y.score - x.score);
    cluster.key = [...cluster.imageIds].sort()[0] ?? cluster.key;
  }
  return clusters.sort((x, y) => y.topScore - x.topScore);
}
