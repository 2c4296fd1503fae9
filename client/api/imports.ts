import { routes } from '../../server/contract/index.js';
import type { ImportJob, UserImportBody } from '../../server/contract/user-imports.js';
import { buildUrl, type Fetcher, requestJson } from './http.js';

/**
 * The staged-import routes (start, poll, commit, cancel), typed from the contract; the
 * answers are safeParsed like every other call. State-changing calls carry the CSRF token.
 */
export function createImportApi(
  csrfToken: () => string | null,
  fetcher: Fetcher = (input, init) => fetch(input, init),
) {
  const headers = (json: boolean) => {
    const h: Record<string, string> = json ? { 'content-type': 'application/json' } : {};
    const csrf = csrfToken();
    if (csrf) h['x-csrf-token'] = csrf;
    return h;
  };
  const at = (path: string, id: string) => buildUrl(path, { id });
  return {
    start: (body: UserImportBody): Promise<ImportJob> =>
      requestJson(fetcher, routes.startImport.path, routes.startImport.response, {
        method: 'POST',
        headers: headers(true),
        body: JSON.stringify(body),
      }),
    get: (id: string): Promise<ImportJob> =>
      requestJson(fetcher, at(routes.getImport.path, id), routes.getImport.response),
    commit: (id: string): Promise<ImportJob> =>
      requestJson(fetcher, at(routes.commitImport.path, id), routes.commitImport.response, {
        method: 'POST',
        headers: headers(false),
      }),
    cancel: (id: string): Promise<ImportJob> =>
      requestJson(fetcher, at(routes.cancelImport.path, id), routes.cancelImport.response, {
        method: 'DELETE',
        headers: headers(false),
      }),
  };
}

export type ImportApi = ReturnType<typeof createImportApi>;
