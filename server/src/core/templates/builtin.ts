import issueSummary from '../../../../schemas/templates/issue-summary.json';
import googleSre from '../../../../schemas/templates/google-sre.json';
import generic from '../../../../schemas/templates/generic.json';
import type { Template } from './types';

/** Built-in templates, most specific first: on a tie in detection the earlier one wins. */
export const BUILTIN_TEMPLATES: readonly Template[] = [issueSummary as Template, googleSre as Template, generic as Template];
