'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { SignOutButton } from '../auth/sign-out-button';
import { TeamSwitcher } from '../auth/team-switcher';
import { hasRole, useViewer } from '../auth/use-viewer';
import { Logo } from '../ui/logo';
import { NAV_ITEMS } from './nav-items';

/** The signed-in frame: brand, the pages the role may open, team switcher, the user. */
export function AppShell({ children }: { children: ReactNode }) {
  const { data: viewer } = useViewer();
  const pathname = usePathname();
  const items = NAV_ITEMS.filter((item) => hasRole(viewer?.role, item.role));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="topbar__brand">
          <Logo />
          Twinspect
        </Link>
        <nav aria-label="Main" className="topbar__nav">
          {items.map((item) => {
            const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <Link
                key={item.href}
                href={item.href}
                className={`nav-link${current ? ' nav-link--current' : ''}`}
                aria-current={current ? 'page' : undefined}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
        <div className="topbar__right">
          <TeamSwitcher />
          <span className="topbar__user" title={viewer?.user.email}>
            {viewer?.user.name}
          </span>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="shell__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
