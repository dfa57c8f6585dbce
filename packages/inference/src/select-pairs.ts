/**
 * Which scored pairs are worth a reviewer's time: pairs at or above a floor, plus each image's
 * top-k partners (so even a set with nothing suspicious shows its closest pairs), and never all
 * N². With `maxPerImage`, floor pairs are also capped at each image's best `maxPerImage`, so a
 * loosely calibrated model cannot flood the queue (or the database) with N²/4 rows. Blocks are
 * fed as they are scored, so memory stays O(kept pairs + N·k).
 */

export interface SelectedPair {
  /** Indices in the caller's numbering; a < b. */
  a: number;
  b: number;
  score: number;
}

export interface PairSelectionOptions {
  /** Keep every pair with score >= floor. */
  floor: number;
  /** Keep each tracked image's k best partners. */
  topK: number;
  /** Which images get a top-k list (default: all). Archive images got theirs when they were new. */
  tracksTopK?: (index: number) => boolean;
  /**
   * Keep a floor pair only if it is among the best `maxPerImage` of one of its images (tracked
   * images). Default: no cap.
   */
  maxPerImage?: number;
}

/** A bounded min-heap of (score, partner): the k best partners seen so far. */
class TopK {
  readonly scores: Float32Array;
  readonly partners: Int32Array;
  size = 0;

  constructor(readonly k: number) {
    this.scores = new Float32Array(k);
    this.partners = new Int32Array(k);
  }

  /** Lowest kept score; anything not above it (when full) is not a candidate. */
  get floor(): number {
    return this.size < this.k ? Number.NEGATIVE_INFINITY : (this.scores[0] as number);
  }

  offer(score: number, partner: number): void {
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((this.scores[parent] as number) <= score) break;
        this.scores[i] = this.scores[parent] as number;
        this.partners[i] = this.partners[parent] as number;
        i = parent;
      }
      this.scores[i] = score;
      this.partners[i] = partner;
      return;
    }
    if (score <= (this.scores[0] as number)) return;
    // Replace the root and sift down.
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (this.scores[r] as number) < (this.scores[l] as number) ? r : l;
      if ((this.scores[c] as number) >= score) break;
      this.scores[i] = this.scores[c] as number;
      this.partners[i] = this.partners[c] as number;
      i = c;
    }
    this.scores[i] = score;
    this.partners[i] = partner;
  }
}

const KEY_BASE = 2 ** 26;

export class PairSelector {
  private readonly kept = new Map<number, number>();
  private readonly heaps = new Map<number, TopK>();
  private scored = 0;

  constructor(private readonly options: PairSelectionOptions) {
    if (options.topK < 0) throw new Error('topK must be >= 0');
  }

  /** Pairs offered so far (each unordered pair counted once). */
  get pairsScored(): number {
    return this.scored;
  }

  private get capped(): boolean {
    return Number.isFinite(this.options.maxPerImage ?? Number.POSITIVE_INFINITY);
  }

  private get capacity(): number {
    return this.capped
      ? Math.max(this.options.topK, this.options.maxPerImage as number)
      : this.options.topK;
  }

  private heap(index: number): TopK | undefined {
    if (this.capacity === 0) return undefined;
    if (this.options.tracksTopK && !this.options.tracksTopK(index)) return undefined;
    let h = this.heaps.get(index);
    if (!h) {
      h = new TopK(this.capacity);
      this.heaps.set(index, h);
    }
    return h;
  }

  /** One scored pair. Indices must be < 2^26. */
  offer(i: number, j: number, score: number): void {
    if (i === j) return;
    this.scored++;
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    if (!this.capped && score >= this.options.floor) this.kept.set(a * KEY_BASE + b, score);
    this.heap(i)?.offer(score, j);
    this.heap(j)?.offer(score, i);
  }

  /**
   * A scored block: rows `rowIndex(r)` × columns `colIndex(c)`, scores row-major.
   * `include(i, j)` can skip pairs (e.g. the lower triangle of a set scored against itself).
   */
  offerBlock(
    scores: Float32Array,
    rows: number,
    cols: number,
    rowIndex: (r: number) => number,
    colIndex: (c: number) => number,
    include?: (i: number, j: number) => boolean,
  ): void {
    for (let r = 0; r < rows; r++) {
      const i = rowIndex(r);
      for (let c = 0; c < cols; c++) {
        const j = colIndex(c);
        if (include && !include(i, j)) continue;
        this.offer(i, j, scores[r * cols + c] as number);
      }
    }
  }

  /** The kept pairs, best first (ties broken by indices so the order is deterministic). */
  result(): SelectedPair[] {
    const out = new Map(this.kept);
    const { topK, floor } = this.options;
    for (const [i, heap] of this.heaps) {
      // Best first: the first topK always count; the rest (capped mode) only at or above the floor.
      const order = Array.from({ length: heap.size }, (_, h) => h).sort(
        (x, y) => (heap.scores[y] as number) - (heap.scores[x] as number),
      );
      order.forEach((h, rank) => {
        const score = heap.scores[h] as number;
        if (rank >= topK && score < floor) return;
        const j = heap.partners[h] as number;
        out.set(Math.min(i, j) * KEY_BASE + Math.max(i, j), score);
      });
    }
    return [...out]
      .map(([key, score]) => ({ a: Math.floor(key / KEY_BASE), b: key % KEY_BASE, score }))
      .sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  }
}
