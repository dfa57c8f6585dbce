import type { AnnotationLabel } from '../graphql/generated/graphql';

export const LABEL_KEYS: { label: AnnotationLabel; key: string; text: string; hint: string }[] = [
  { label: 'SAME', key: '1', text: 'Same', hint: 'One image, reused (possibly altered)' },
  { label: 'DIFFERENT', key: '2', text: 'Different', hint: 'Two distinct images' },
  { label: 'UNSURE', key: '3', text: 'Unsure', hint: 'Cannot tell; an editor will look' },
];
