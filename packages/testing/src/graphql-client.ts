/**
 * A small GraphQL-over-HTTP client for tests: keeps the session cookie like a browser would,
 * sends the CSRF header, and returns status, data and errors without throwing.
 */
export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  data: TData | null;
  errors: {
    message: string;
    extensions?: { code?: string } & Record<string, unknown>;
    path?: unknown[];
  }[];
  headers: Headers;
}

export class GraphQLTestClient {
  cookie: string | null = null;
  readonly headers: Record<string, string> = {};

  constructor(readonly baseUrl: string) {}

  async request<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    init: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<GraphQLResponse<TData>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-twinspect-csrf': '1',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.headers,
        ...init.headers,
      },
      body: init.body ?? JSON.stringify({ query, variables }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      if (!pair) continue;
      const expired = /expires=Thu, 01 Jan 1970/i.test(line) || pair.endsWith('=');
      this.cookie = expired ? null : pair;
    }
    const text = await response.text();
    let body: { data?: TData | null; errors?: GraphQLResponse['errors'] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: text }] };
    }
    return {
      status: response.status,
      data: body.data ?? null,
      errors: body.errors ?? [],
      headers: response.headers,
    };
  }

  /** The first error's code, or null. */
  static code(response: GraphQLResponse<unknown>): string | null {
    return response.errors[0]?.extensions?.code ?? null;
  }

  async login(email: string, password: string) {
    const response = await this.request<{ login: { viewer: { user: { id: string } } } }>(
      'mutation Login($input: LoginInput!) { login(input: $input) { viewer { user { id } } } }',
      { input: { email, password } },
    );
    if (response.errors.length > 0)
      throw new Error(`login as ${email} failed: ${response.errors[0]?.message}`);
    return response;
  }
}
