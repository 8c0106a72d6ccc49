import { MAX_FILE_BYTES } from '../core/analysis/fileSelection';

export const MAX_FILE_SIZE_SETTING = 's3SecurityReview.maxFileSizeKB';

/** The analyzer never parses more than MAX_FILE_BYTES, whatever the setting says. */
export function fileSizeLimitBytes(maxFileSizeKB: number): number {
  return Math.min(Math.max(1, maxFileSizeKB) * 1024, MAX_FILE_BYTES);
}

export function utf8Size(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** What an oversized file's Information diagnostic says: that it was skipped, why, and what would change that. */
export function oversizedFileNote(bytes: number, maxFileSizeKB: number): string {
  const limit = fileSizeLimitBytes(maxFileSizeKB);
  const why = `S3 Security Review skipped this file: it is ${formatSize(bytes)}, over the ${inKB(limit)} limit.`;
  return `${why} ${howToAnalyse(bytes, limit)}`;
}

/** A Terraform module is judged only with all its files: one skipped file leaves the others unjudged too. */
export function moduleNotAnalysedNote(oversized: Array<{ name: string; bytes: number }>, maxFileSizeKB: number): string {
  const limit = fileSizeLimitBytes(maxFileSizeKB);
  const names = oversized.map((file) => `${file.name} (${formatSize(file.bytes)})`).join(', ');
  const largest = Math.max(...oversized.map((file) => file.bytes));
  return (
    `S3 Security Review did not analyse this Terraform folder: ${names} ${oversized.length === 1 ? 'is' : 'are'} over the ` +
    `${inKB(limit)} limit, and a module is only judged with all its files. ${howToAnalyse(largest, limit)}`
  );
}

function howToAnalyse(bytes: number, limit: number): string {
  if (bytes <= MAX_FILE_BYTES && limit < MAX_FILE_BYTES) {
    return `Raise "${MAX_FILE_SIZE_SETTING}" to at least ${Math.ceil(bytes / 1024)} to analyse it.`;
  }
  return `The analyzer reads at most ${inKB(MAX_FILE_BYTES)} per file (the most "${MAX_FILE_SIZE_SETTING}" allows); split the file to have it analysed.`;
}

/** Limits are said in KB, the unit of the setting. */
function inKB(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
