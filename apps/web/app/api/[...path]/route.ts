import { forwardToApi } from '@/modules/api-proxy/forward-to-api';

export const dynamic = 'force-dynamic';

// Uploads, image renditions and report downloads: everything the API serves under /api/.
type Context = { params: Promise<{ path: string[] }> };
const forward = async (request: Request, { params }: Context) =>
  forwardToApi(request, `/api/${(await params).path.map(encodeURIComponent).join('/')}`);

export { forward as DELETE, forward as GET, forward as HEAD, forward as POST, forward as PUT };
