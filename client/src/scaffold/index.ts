// What New Postmortem and the snippets compute without VS Code: unit-tested in test/client/.
export { renderPostmortem, type PostmortemInput, type RenderedPostmortem } from './document';
export { expandPattern, slugify, PATTERN_VARIABLES, type NameVariables } from './file-name';
export { newFilePath, type CheckedPath } from './safe-path';
export { readProjectConfig, mergeTemplates, preferredFirst, CONFIG_FILE_NAME, type ProjectConfig } from './project-config';
export { parseDateTime, formatDate, formatDateTime, wallClock, type LocalDateTime } from './start-time';
export { checkZone, type CheckedZone } from './zone';
export { SEVERITIES, type SeverityLevel } from './severity';
