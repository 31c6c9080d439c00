import { VALIDATION_RULES } from '../../domain/validation/rule-catalogue';
import { EXIT_OK } from '../cli-errors';
import type { Command } from '../command';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'List the validation rules with their severities',
  usage: `va-assess rules [--json]

Lists every validation rule: its id (as printed in findings), its severity (error rejects the
value, warning accepts it and asks for a look, note only informs) and what it checks.

  --json       machine-readable JSON on stdout
  -h, --help   this help`,
  options: { json: { type: 'boolean' } },
  run(options, io) {
    if (options.json === true) {
      io.out(JSON.stringify(VALIDATION_RULES, null, 2));
      return EXIT_OK;
    }
    const width = Math.max(...VALIDATION_RULES.map((rule) => rule.id.length));
    io.out(
      VALIDATION_RULES.map(
        (rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.description}`,
      ).join('\n'),
    );
    return EXIT_OK;
  },
};
