// The rule registry: every rule, in the order their findings are reported for the same spot.
import type { Rule } from './rule';

export const RULES: readonly Rule<never>[] = [];
