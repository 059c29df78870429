import { send } from './client.ts';

/** The file name from `Content-Disposition` (RFC 5987 `filename*` first), or the fallback. */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Saves a response body as a file in the browser. */
export async function saveResponse(res: Response, fallbackName: string): Promise<void> {
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GETs a file (template, export) and saves it. */
export async function download(path: string, fallbackName: string): Promise<void> {
  await saveResponse(await send('GET', path), fallbackName);
}

/** POSTs a form (e.g. an uploaded spreadsheet) and saves the returned file. */
export async function downloadPost(path: string, form: FormData, fallbackName: string): Promise<void> {
  await saveResponse(await send('POST', path, form), fallbackName);
}
