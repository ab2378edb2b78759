// The Incidents view's id and context keys, as package.json uses them (views.explorer `when`,
// viewsWelcome `when`, menus). Pure, so the manifest test can compare them.
export const VIEW_ID = 'postmortem.incidentIndex';
/** Set on activation: the view is shown only once the extension runs. */
export const ACTIVE_CONTEXT_KEY = 'postmortem.extensionActive';
/** Set once the server has answered: the "no postmortems" welcome is not shown while waiting. */
export const LOADED_CONTEXT_KEY = 'postmortem.incidentIndex.loaded';
