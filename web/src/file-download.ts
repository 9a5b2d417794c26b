import { ApiError, refusalOf } from './api-client.ts';

export { briefFileName, exportFileName } from '../../src/domain/file-name.ts';

/** Hands the person a file the page holds, under `name`, as their browser saves downloads. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads what the server answers at `href` and saves it as `name`. A browser names a download
 * as the server's Content-Disposition says, whatever the link's `download` attribute asks, and
 * saves a refusal as a failed download that says nothing: fetched here, the file gets the page's
 * name for it, and a refusal (the API's JSON error, or a line of text) is thrown in words.
 */
export async function downloadAs(href: string, name: string): Promise<void> {
  const res = await fetch(href);
  if (!res.ok) {
    const text = await res.text();
    let error: Parameters<typeof refusalOf>[0];
    try {
      error = (JSON.parse(text) as { error?: Parameters<typeof refusalOf>[0] }).error;
    } catch {
      throw new ApiError('unavailable', text.trim() || `HTTP ${res.status}`, res.status);
    }
    throw refusalOf(error, res.status);
  }
  saveFile(await res.blob(), name);
}
