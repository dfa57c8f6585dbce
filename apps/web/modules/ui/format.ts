export const formatScore = (score: number) => score.toFixed(3);

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** SCREAMING_CASE enum values for people: NEEDS_ADJUDICATION → Needs adjudication. */
/** A share as a percentage: 0.005 -> "0.5 %", 0.1 -> "10 %". */
export function formatPercent(share: number): string {
  return `${Number((share * 100).toPrecision(3))} %`;
}

export function humanize(value: string): string {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
