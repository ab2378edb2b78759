// The server's `postmortem/render` request (server/src/lsp/features/render.ts): its types are
// imported from there so a change fails the client's type check; nothing of it is bundled.
export type { RenderParams, RenderResult } from '../../../server/src/lsp/features/render';

export const RENDER_REQUEST = 'postmortem/render';
