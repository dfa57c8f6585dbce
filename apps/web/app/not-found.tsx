import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="page page--centered">
      <div className="state state--empty">
        <div className="state__icon" aria-hidden="true">
          ?
        </div>
        <h1 className="state__title">Page not found</h1>
        <div className="state__body">The address may be mistyped, or the page has moved.</div>
        <div className="state__action">
          <Link className="btn" href="/">
            Go to your start page
          </Link>
        </div>
      </div>
    </main>
  );
}
