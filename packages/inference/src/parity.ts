/**
 * The manifest's parity input: x[i] = float32(sin(0.37 i) · 2) over a 2×3×S×S tensor. The export
 * recorded PyTorch's embedding and score for it; ORT here must agree within 1e-4.
 */
export function parityInput(size: number): Float32Array {
  const x = new Float32Array(2 * 3 * size * size);
  for (let i = 0; i < x.length; i++) x[i] = Math.fround(Math.sin(0.37 * i) * 2);
  return x;
}
