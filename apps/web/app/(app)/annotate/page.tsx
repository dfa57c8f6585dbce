import type { Metadata } from 'next';
import { AnnotatePage } from '@/modules/annotations/annotate-page';

export const metadata: Metadata = { title: 'Annotate' };

export default function Page() {
  return <AnnotatePage />;
}
