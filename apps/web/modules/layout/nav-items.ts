import type { Role } from '../graphql/generated/graphql';

export interface NavItem {
  href: string;
  label: string;
  /** The least role that may open the page (the API enforces the same). */
  role: Role;
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/sets', label: 'Image sets', role: 'EDITOR' },
  { href: '/queue', label: 'Triage queue', role: 'EDITOR' },
  { href: '/annotate', label: 'Annotate', role: 'ANNOTATOR' },
  { href: '/adjudicate', label: 'Adjudicate', role: 'EDITOR' },
  { href: '/consensus', label: 'Agreement', role: 'EDITOR' },
  { href: '/models', label: 'Models', role: 'ADMIN' },
  { href: '/audit', label: 'Audit log', role: 'ADMIN' },
  { href: '/members', label: 'Members', role: 'ADMIN' },
];
