// The rule registry: every rule, in order. Adding a rule = one file + one line here.
import actionItemIncomplete from './action-item-incomplete';
import actionItemOverdue from './action-item-overdue';
import blamelessWording from './blameless-wording';
import dateMismatch from './date-mismatch';
import durationMismatch from './duration-mismatch';
import duplicateSection from './duplicate-section';
import durationTimelineMismatch from './duration-timeline-mismatch';
import emptySection from './empty-section';
import frontMatter from './front-matter';
import impactPercentages from './impact-percentages';
import missingField from './missing-field';
import missingSection from './missing-section';
import placeholder from './placeholder';
import type { Rule } from './rule';
import sectionNotHeading from './section-not-heading';
import sectionOrder from './section-order';
import severityValue from './severity-value';
import timelineAmbiguousOrder from './timeline-ambiguous-order';
import timelineOrder from './timeline-order';
import timelineOutsideWindow from './timeline-outside-window';
import timelineUnreadableTime from './timeline-unreadable-time';
import timelineZoneMismatch from './timeline-zone-mismatch';
import timeNotation from './time-notation';
import windowTimelineMismatch from './window-timeline-mismatch';

export const RULES: readonly Rule<never>[] = [
  frontMatter,
  missingSection,
  sectionNotHeading,
  duplicateSection,
  sectionOrder,
  emptySection,
  missingField,
  timelineOrder,
  timelineAmbiguousOrder,
  timelineOutsideWindow,
  timelineZoneMismatch,
  timelineUnreadableTime,
  timeNotation,
  durationMismatch,
  windowTimelineMismatch,
  placeholder,
  actionItemIncomplete,
  actionItemOverdue,
  blamelessWording,
  dateMismatch,
  severityValue,
  impactPercentages,
  durationTimelineMismatch,
] as unknown as readonly Rule<never>[];
