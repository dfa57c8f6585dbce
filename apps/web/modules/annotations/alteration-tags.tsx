'use client';

import type { Alteration } from '../graphql/generated/graphql';
import { humanize } from '../ui/format';

/** Shift+letter toggles each tag on the annotation page. */
export const ALTERATION_KEYS: { value: Alteration; key: string }[] = [
  { value: 'CROP', key: 'C' },
  { value: 'ROTATION', key: 'R' },
  { value: 'FLIP', key: 'F' },
  { value: 'COLOUR', key: 'L' },
  { value: 'NOISE', key: 'N' },
  { value: 'OTHER', key: 'O' },
];

export function AlterationTags({
  value,
  onChange,
  showKeys = false,
}: {
  value: Alteration[];
  onChange: (next: Alteration[]) => void;
  showKeys?: boolean;
}) {
  const toggle = (tag: Alteration) =>
    onChange(value.includes(tag) ? value.filter((t) => t !== tag) : [...value, tag]);
  return (
    <fieldset className="tags">
      <legend>Alterations seen</legend>
      {ALTERATION_KEYS.map(({ value: tag, key }) => (
        <label key={tag} className="chip">
          <input type="checkbox" checked={value.includes(tag)} onChange={() => toggle(tag)} />
          {humanize(tag)}
          {showKeys && <kbd>⇧{key}</kbd>}
        </label>
      ))}
    </fieldset>
  );
}
