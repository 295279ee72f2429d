/**
 * Saves a Blob as a file through a temporary `<a download>`: no navigation, no popup. The link is
 * put in `parent` (a shadow root works) for the click, then removed; its object URL is revoked once
 * the browser has taken the file.
 */
export function downloadBlob(blob: Blob, fileName: string, parent: Node & ParentNode): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  parent.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Today's date as `YYYY-MM-DD` in the browser's zone, for file names. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
