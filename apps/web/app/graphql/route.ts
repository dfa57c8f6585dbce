import { forwardToApi } from '@/modules/api-proxy/forward-to-api';

export const dynamic = 'force-dynamic';

export const GET = (request: Request) => forwardToApi(request, '/graphql');
export const POST = (request: Request) => forwardToApi(request, '/graphql');
