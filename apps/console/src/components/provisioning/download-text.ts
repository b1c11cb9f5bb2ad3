/** Saves `content` (UTF-8 text) as a file through the browser's download, under exactly `fileName`. */
export function downloadText(content: string, fileName: string): void {
  // Not text/plain: browsers would add ".txt" to a name without an extension ("usage-reporting-token").
  const blob = new Blob([content], { type: "application/octet-stream" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A bundle path ("helm/values.yaml") as a file name the browser keeps ("values.yaml"). */
export function fileNameOf(path: string): string {
  return path.split("/").at(-1) || path;
}
