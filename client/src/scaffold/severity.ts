// The severities New Postmortem offers and the snippets list as a choice. Teams name levels
// differently; these are the common SEV1 (worst) .. SEV4 scale, and the field takes any text.
export interface SeverityLevel {
  id: string;
  description: string;
}

export const SEVERITIES: readonly SeverityLevel[] = [
  { id: 'SEV1', description: 'Critical: the service is down or data is lost for many users' },
  { id: 'SEV2', description: 'Major: a core feature is unavailable or badly degraded' },
  { id: 'SEV3', description: 'Minor: partial degradation, a workaround exists' },
  { id: 'SEV4', description: 'Low: little or no user impact' },
];
