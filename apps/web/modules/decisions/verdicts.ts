import type { Verdict } from '../graphql/generated/graphql';

export const VERDICTS: { value: Verdict; label: string; hint: string; key: string }[] = [
  {
    value: 'CONFIRMED_DUPLICATE',
    label: 'Confirmed duplicate',
    hint: 'The same image, reused or altered',
    key: 'd',
  },
  {
    value: 'NOT_DUPLICATE',
    label: 'Not a duplicate',
    hint: 'Different images that look alike',
    key: 'n',
  },
  {
    value: 'NEEDS_DISCUSSION',
    label: 'Needs discussion',
    hint: 'Raise with the team or the authors',
    key: 'q',
  },
];
