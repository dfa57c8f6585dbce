import { formatScore } from '../ui/format';

export function Score({ value, flagged }: { value: number; flagged?: boolean }) {
  return (
    <span
      className={`score${flagged ? ' score--flagged' : ''}`}
      title={`Similarity score ${value.toFixed(4)}`}
    >
      {formatScore(value)}
    </span>
  );
}
