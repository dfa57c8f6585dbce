import { webConfig } from './web-config';

// Hop-by-hop headers and those fetch recomputes: forwarding them would corrupt the exchange.
const DROP_REQUEST = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
]);
const DROP_RESPONSE = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
]);

/**
 * Forwards a browser request to the API unchanged (method, body stream, cookies, CSRF and org
 * headers) and streams the answer back, Set-Cookie included. The browser only ever talks to the
 * web origin, so the API's HTTP-only session cookie is first-party.
 */
export async function forwardToApi(request: Request, apiPath: string): Promise<Response> {
  const { API_URL } = webConfig();
  const incoming = new URL(request.url);
  const target = new URL(apiPath + incoming.search, API_URL);
  const headers = new Headers();
  request.headers.forEach((value, key) => {
    if (!DROP_REQUEST.has(key)) headers.set(key, value);
  });
  headers.set('x-forwarded-host', incoming.host);
  headers.set('x-forwarded-proto', incoming.protocol.replace(':', ''));
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      redirect: 'manual',
      // Streams large uploads instead of buffering them (required by fetch for a stream body).
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch {
    return Response.json(
      { errors: [{ message: 'The API is not reachable', extensions: { code: 'NETWORK' } }] },
      { status: 502 },
    );
  }
  const responseHeaders = new Headers();
  upstream.headers.forEach((value, key) => {
    if (!DROP_RESPONSE.has(key) && key !== 'set-cookie') responseHeaders.set(key, value);
  });
  for (const cookie of upstream.headers.getSetCookie())
    responseHeaders.append('set-cookie', cookie);
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders,
  });
}
