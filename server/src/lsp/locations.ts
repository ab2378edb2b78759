// Document URIs to the paths the engine uses for detection by name and for finding config files.
import { fileURLToPath } from 'node:url';

export interface Location {
  path?: string;
  /** A real file: its folder may hold a `.postmortemrc.json`. */
  onDisk: boolean;
}

export function locationOf(uri: string): Location {
  try {
    const url = new URL(uri);
    if (url.protocol === 'file:') return { path: fileURLToPath(url), onDisk: true };
    // untitled:, vscode-notebook-cell: ...: the path still tells "postmortems/..." apart.
    return { path: decodeURIComponent(url.pathname), onDisk: false };
  } catch {
    return { onDisk: false };
  }
}
