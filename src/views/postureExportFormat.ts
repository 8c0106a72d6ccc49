import { POSTURE_CSV_COLUMNS, postureToCsv, postureToJson, postureToMarkdown } from '../core/posture/renderPosture';
import type { AccountPosture } from '../core/posture/types';

/**
 * One export for one or several accounts, shared by the "Export posture" command and the CLI. One
 * account gives exactly the core renderer's output (the `posture --format json` contract is the
 * AccountPosture itself); several give a JSON array, one CSV table with one header, or the Markdown
 * reports one after the other.
 */
export type PostureFormat = 'json' | 'csv' | 'md';

export const POSTURE_FORMATS: readonly PostureFormat[] = ['json', 'csv', 'md'];

export function renderPostures(postures: readonly AccountPosture[], format: PostureFormat): string {
  if (postures.length === 1) return renderOne(postures[0], format);
  if (postures.length === 0 && format === 'csv') return `${POSTURE_CSV_COLUMNS.join(',')}\r\n`;
  switch (format) {
    case 'json':
      return `${JSON.stringify(postures, null, 2)}\n`;
    case 'csv':
      return postures
        .map((posture, index) => {
          const table = postureToCsv(posture);
          return index === 0 ? table : table.slice(table.indexOf('\r\n') + 2);
        })
        .join('');
    case 'md':
      return postures.map((posture) => postureToMarkdown(posture)).join('\n');
  }
}

function renderOne(posture: AccountPosture, format: PostureFormat): string {
  switch (format) {
    case 'json':
      return postureToJson(posture);
    case 'csv':
      return postureToCsv(posture);
    case 'md':
      return postureToMarkdown(posture);
  }
}

/** The file extension a save dialog offers for each format. */
export const POSTURE_FILE_EXTENSIONS: Readonly<Record<PostureFormat, string>> = { json: 'json', csv: 'csv', md: 'md' };
