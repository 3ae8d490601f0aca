/** Saves a file the core produced (base64) through the browser's download, without a data: URL. */
export function downloadBase64(fileName: string, mimeType: string, dataBase64: string): void {
  const bin = atob(dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the blob goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
