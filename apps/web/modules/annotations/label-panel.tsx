'use client';

import type { RefObject } from 'react';
import type { Alteration, AnnotationLabel } from '../graphql/generated/graphql';
import { AlterationTags } from './alteration-tags';
import { LABEL_KEYS } from './label-keys';

/** The label buttons, tags and comment; the keys 1/2/3 press the buttons. */
export function LabelPanel({
  current,
  alterations,
  comment,
  commentRef,
  saving,
  onAlterations,
  onComment,
  onLabel,
}: {
  current: AnnotationLabel | null;
  alterations: Alteration[];
  comment: string;
  commentRef: RefObject<HTMLTextAreaElement | null>;
  saving: boolean;
  onAlterations: (next: Alteration[]) => void;
  onComment: (next: string) => void;
  onLabel: (label: AnnotationLabel) => void;
}) {
  return (
    <div className="label-panel">
      <AlterationTags value={alterations} onChange={onAlterations} showKeys />
      <label className="field">
        <span>
          Comment (optional) <kbd>c</kbd>
        </span>
        <textarea
          ref={commentRef}
          value={comment}
          maxLength={2000}
          placeholder="Esc to leave the comment box"
          onChange={(event) => onComment(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
        />
      </label>
      <div className="label-buttons">
        {LABEL_KEYS.map((option) => (
          <button
            key={option.label}
            type="button"
            className={`label-button label-button--${option.label.toLowerCase()}`}
            aria-pressed={current === option.label}
            disabled={saving}
            onClick={() => onLabel(option.label)}
            title={option.hint}
          >
            <kbd>{option.key}</kbd> {option.text}
          </button>
        ))}
      </div>
    </div>
  );
}
