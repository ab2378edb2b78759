import { defineRule } from './rule';

export default defineRule({
  id: 'front-matter',
  description: 'The YAML front matter cannot be read, or names a template that does not exist.',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    const fm = model.frontMatter;
    if (!fm) return;
    if (fm.error) report({ message: fm.error.message, range: fm.error.range });
    const named = fm.data['template'];
    if (named !== undefined && model.templateReason !== 'front-matter') {
      report({
        message: `Unknown template "${String(named)}": using "${model.template.id}". Known templates: the built-in issue-summary, google-sre and generic, and any in .postmortemrc.json.`,
        range: fm.range,
        severity: 'warning',
        data: { template: String(named) },
      });
    }
  },
});
