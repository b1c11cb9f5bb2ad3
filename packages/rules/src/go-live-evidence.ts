// How large a go-live evidence file may be, written once: the API refuses a larger file with a 400
// saying so, its request limit for the upload procedure is sized from it, and the console refuses the
// file before reading it. 8 MiB holds a certification report or a test run's PDF with screenshots.
export const EVIDENCE_MAX_BYTES = 8 * 1024 * 1024;

/** Base64 of the largest file (4 characters per 3 bytes, padded). */
export const EVIDENCE_MAX_BASE64 = Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4;

/** The size as people read it ("8 MiB", "8.1 MiB", "180 KiB"), rounded up: a file over the limit never reads as the limit. */
export function evidenceSizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
