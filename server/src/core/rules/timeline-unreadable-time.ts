import { defineRule } from './rule';
import { findPlaceholders } from './shared/placeholders';

export default defineRule({
  id: 'timeline-unreadable-time',
  description: 'A timeline line looks like it starts with a time that cannot be read ("[???]", "HH:MM", "25:70").',
  defaultSeverity: 'information',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    for (const u of model.timeline?.unreadable ?? []) {
      // "[???]", "{{ hh:mm }}", "HH:MM" are template leftovers: the placeholder rule reports them.
      if (findPlaceholders(u.text).some((p) => p.start <= 2)) continue;
      const shown = u.text.length > 30 ? `${u.text.slice(0, 30)}…` : u.text;
      report({ message: `Cannot read the time at the start of "${shown}": it is left out of the timeline checks.`, range: u.range });
    }
  },
});
