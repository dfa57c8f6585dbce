import type { Verdict } from '../graphql/generated/graphql';

export const VERDICTS: { value: Verdict; label: string; hint: string }[] = [
  {
    value: 'CONFIRMED_DUPLICATE',
    label: 'Confirmed duplicate',
    hint: 'The same image, reused or altered',
  },
  {
    value: 'NOT_DUPLICATE',
    label: 'Not a duplicate',
    hint: 'Different images that look alike',
  },
  {
    value: 'NEEDS_DISCUSSION',
    label: 'Needs discussion',
    hint: 'Raise with the team or the authors',
  },
];
