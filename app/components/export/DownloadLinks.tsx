/** Links to the Word and PDF downloads of one export (base path without the format). */
export function DownloadLinks({ base, query = "", label }: { base: string; query?: string; label: string }) {
  return (
    <p className="downloads">
      {label}: <a href={`${base}/docx${query}`} download>Word (.docx)</a> · <a href={`${base}/pdf${query}`} download>PDF</a>
    </p>
  );
}
