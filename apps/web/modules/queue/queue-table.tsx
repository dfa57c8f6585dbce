'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useRef } from 'react';
import type { PairRowFragment } from '../graphql/generated/graphql';
import { ImageThumb } from '../images/image-thumb';
import { thumbnailSrc } from '../images/renditions';
import { Score } from '../pairs/score';
import { Badge } from '../ui/badge';

/**
 * The queue as a table. Keyboard: ↑/↓ or j/k move between rows, Enter opens the pair,
 * x (or Space) selects it for a bulk decision.
 */
export function QueueTable({
  pairs,
  selected,
  onToggle,
  onToggleAll,
}: {
  pairs: PairRowFragment[];
  selected: Set<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
}) {
  const router = useRouter();
  const body = useRef<HTMLTableSectionElement>(null);
  const focusRow = (index: number) => {
    const rows = body.current?.querySelectorAll<HTMLTableRowElement>('tr');
    rows?.[Math.max(0, Math.min(index, rows.length - 1))]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'ArrowDown' || event.key === 'j') focusRow(index + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') focusRow(index - 1);
    else if (event.key === 'Enter') router.push(`/pairs/${id}`);
    else if (event.key === 'x' || event.key === ' ') onToggle(id);
    else return;
    event.preventDefault();
  };
  const allSelected = pairs.length > 0 && pairs.every((pair) => selected.has(pair.id));
  return (
    <table className="table queue-table">
      <thead>
        <tr>
          <th style={{ width: 32 }}>
            <input
              type="checkbox"
              aria-label="Select all pairs on this page"
              checked={allSelected}
              onChange={onToggleAll}
            />
          </th>
          <th>Images</th>
          <th>Score</th>
          <th>Status</th>
          <th>Set</th>
          <th>Labels</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {pairs.map((pair, index) => (
          <tr
            key={pair.id}
            tabIndex={0}
            className={selected.has(pair.id) ? 'is-selected' : undefined}
            onKeyDown={(event) => onKeyDown(event, index, pair.id)}
            aria-label={`${pair.imageA.originalName} and ${pair.imageB.originalName}, score ${pair.score.toFixed(3)}`}
          >
            <td>
              <input
                type="checkbox"
                aria-label="Select pair"
                checked={selected.has(pair.id)}
                onChange={() => onToggle(pair.id)}
              />
            </td>
            <td>
              <Link href={`/pairs/${pair.id}`} className="queue-pair" tabIndex={-1}>
                <ImageThumb
                  src={thumbnailSrc(pair.imageA)}
                  name={pair.imageA.originalName}
                  size={64}
                />
                <span className="queue-pair__vs" aria-hidden="true">
                  ↔
                </span>
                <ImageThumb
                  src={thumbnailSrc(pair.imageB)}
                  name={pair.imageB.originalName}
                  size={64}
                />
              </Link>
            </td>
            <td>
              <Score value={pair.score} flagged={pair.flagged} />
            </td>
            <td>
              <Badge value={pair.verdict ?? pair.status} />
            </td>
            <td>
              <Link href={`/sets/${pair.set.id}`}>{pair.set.name}</Link>
            </td>
            <td className="muted">{pair.annotationCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
