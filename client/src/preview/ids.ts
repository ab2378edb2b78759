// The preview's identifiers, apart from the code that needs `vscode`, so package.json's tests can read them.

/** The preview panel's webview view type: package.json activates on `onWebviewPanel:` it, for restoring. */
export const PREVIEW_VIEW_TYPE = 'postmortem.preview';
