// `postmortem/status` and `postmortem/statusChanged`: what the client's language status item shows.
import type { DocumentFacts } from './analysis-protocol';

export const STATUS_REQUEST = 'postmortem/status';
export const STATUS_CHANGED = 'postmortem/statusChanged';

export interface Status {
  uri: string;
  isPostmortem: boolean;
  template: string | null;
  templateName: string | null;
  problems: { errors: number; warnings: number; infos: number };
  /** The document version the figures are for; null before any analysis finished. */
  analysedVersion: number | null;
  /** The analysis of the current version ran out of time. */
  cutShort: boolean;
  /** How long the analysed version took in the worker (ms), so a client or the benchmark can tell engine from transport. */
  analysisMs: number | null;
}

export function statusOf(uri: string, facts: DocumentFacts | undefined, cutShort: boolean): Status {
  const problems = { errors: 0, warnings: 0, infos: 0 };
  for (const f of facts?.findings ?? []) {
    if (f.severity === 'error') problems.errors++;
    else if (f.severity === 'warning') problems.warnings++;
    else problems.infos++;
  }
  return {
    uri,
    isPostmortem: facts?.isPostmortem ?? false,
    template: facts?.isPostmortem ? facts.template.id : null,
    templateName: facts?.isPostmortem ? facts.template.name : null,
    problems,
    analysedVersion: facts?.version ?? null,
    cutShort,
    analysisMs: facts ? Math.round(facts.stats.ms * 100) / 100 : null,
  };
}
