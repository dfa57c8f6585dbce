import type { Alteration, AnnotationLabel } from '../graphql/generated/graphql';
import { Badge } from '../ui/badge';
import { humanize } from '../ui/format';

interface AnnotationRow {
  id: string;
  label: AnnotationLabel;
  alterations: Alteration[];
  comment?: string | null;
  annotator: { id: string; name: string };
}

/** The annotators' labels, with whether they agree. */
export function AnnotationList({
  annotations,
  required,
}: {
  annotations: AnnotationRow[];
  required?: number;
}) {
  if (annotations.length === 0) return <p className="muted">No annotations yet.</p>;
  const labels = new Set(annotations.map((annotation) => annotation.label));
  const agree = labels.size === 1 && !labels.has('UNSURE');
  return (
    <div>
      <p className="muted" style={{ marginTop: 0 }}>
        {annotations.length}
        {required ? ` of ${required}` : ''} annotation{annotations.length === 1 ? '' : 's'} ·{' '}
        {annotations.length < 2
          ? 'waiting for more'
          : agree
            ? 'annotators agree'
            : 'annotators disagree'}
      </p>
      <ul className="history">
        {annotations.map((annotation) => (
          <li key={annotation.id}>
            <Badge value={annotation.label} /> <strong>{annotation.annotator.name}</strong>
            {annotation.alterations.length > 0 && (
              <span className="muted"> · {annotation.alterations.map(humanize).join(', ')}</span>
            )}
            {annotation.comment && <blockquote>{annotation.comment}</blockquote>}
          </li>
        ))}
      </ul>
    </div>
  );
}
