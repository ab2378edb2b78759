// Action items of the model: read by action-items/extract.ts (lists, task lists and tables under
// the corrective-actions / action-items sections, with owner, due date, ticket and status).
export { readActionItems } from '../action-items/extract';
