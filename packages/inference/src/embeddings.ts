/** Row-major float32 matrix: `rows` embeddings of `dim` values. Passed to ORT without copying. */
export interface Embeddings {
  data: Float32Array;
  rows: number;
  dim: number;
}

export function embeddings(data: Float32Array, dim: number): Embeddings {
  if (data.length % dim !== 0) throw new Error(`${data.length} values are not rows of ${dim}`);
  return { data, rows: data.length / dim, dim };
}

/** Rows [start, end) as a view (no copy). */
export function sliceRows(e: Embeddings, start: number, end: number): Embeddings {
  return { data: e.data.subarray(start * e.dim, end * e.dim), rows: end - start, dim: e.dim };
}

export function row(e: Embeddings, i: number): Float32Array {
  return e.data.subarray(i * e.dim, (i + 1) * e.dim);
}

/** Stacks single vectors (e.g. from the database) into one matrix. */
export function stack(vectors: ArrayLike<number>[], dim: number): Embeddings {
  const data = new Float32Array(vectors.length * dim);
  vectors.forEach((v, i) => {
    if (v.length !== dim) throw new Error(`vector ${i} has ${v.length} values, expected ${dim}`);
    data.set(v, i * dim);
  });
  return { data, rows: vectors.length, dim };
}

/** Little-endian float32 bytes, the database's Embedding.vector format. */
export function toBytes(vector: Float32Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(vector.length * 4);
  new Float32Array(out.buffer).set(vector);
  return out;
}

export function fromBytes(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
