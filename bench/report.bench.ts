import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { parseWindow } from '../functions/domain/calendar/reporting-window';
import type { ProjectConfig } from '../functions/domain/config/project-config-schema';
import { draftAssessments } from '../functions/domain/drafts/draft-assessments';
import { acceptedValues } from '../functions/domain/entries/accepted-values';
import type { EntryValue } from '../functions/domain/entries/entry';
import { buildReportModel } from '../functions/domain/report/build-report-model';
import { REPORT_FORMATS } from '../functions/domain/report/report-model';
import { summarize } from '../functions/domain/summary/summarize';
import { validateEntries } from '../functions/domain/validation/validate-entries';
import { renderReport } from '../functions/report/render-report';
import { syntheticProject } from './synthetic-project';

/** API Gateway's integration timeout and Lambda's synchronous response limit. */
const TIME_LIMIT_MS = 29_000;
const SIZE_LIMIT_BYTES = 6 * 1024 * 1024;
const now = DateTime.fromISO('2026-01-01T00:00:00Z');

interface Scenario {
  name: string;
  config: ProjectConfig;
  values: EntryValue[];
  window: string;
}

function example(): Scenario {
  const { config, entries } = syntheticProject(1);
  return {
    name: 'D4.2 example, PY1',
    config,
    values: acceptedValues(entries, validateEntries(entries, { config, now })),
    window: 'PY1',
  };
}

/** 200 installations (the example's 11 repeated) over 6 periods: P3..P6 repeat P1 and P2's values. */
function large(): Scenario {
  const { config: repeated, entries } = syntheticProject(Math.ceil(200 / 11));
  const config = { ...repeated, installations: repeated.installations.slice(0, 200) };
  const kept = new Set(config.installations.map((installation) => installation.id));
  const base = acceptedValues(entries, validateEntries(entries, { config: repeated, now })).filter((value) =>
    kept.has(value.installationId),
  );
  const values = [1, 2, 3].flatMap((year) =>
    base.map((value) => ({
      ...value,
      periodId: `P${(year - 1) * 2 + Number(value.periodId.slice(1))}` as EntryValue['periodId'],
    })),
  );
  return { name: '200 installations x 6 periods, PY3', config, values, window: 'PY3' };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function run(scenario: Scenario): Promise<void> {
  for (const format of REPORT_FORMATS) {
    const started = performance.now();
    const summary = summarize(
      scenario.config,
      scenario.values,
      parseWindow(scenario.config.project, scenario.window),
      now,
    );
    const model = buildReportModel({
      config: scenario.config,
      summary,
      values: scenario.values,
      assessments: draftAssessments(scenario.config, summary).map((draft) => ({
        installationId: draft.installationId,
        text: draft.text,
        origin: 'generated' as const,
      })),
    });
    const report = await renderReport(model, format);
    const ms = performance.now() - started;
    const size = report.bytes.length;
    // Lambda returns binary bodies base64-encoded: a third larger on the wire, and that is what the 6 MB counts.
    const base64 = Math.ceil(size / 3) * 4;
    const peak = process.resourceUsage().maxRSS * 1024;
    const verdict = ms < TIME_LIMIT_MS && base64 < SIZE_LIMIT_BYTES ? 'within limits' : 'OVER LIMITS';
    console.log(
      `${scenario.name.padEnd(38)} ${format.padEnd(5)} ${`${Math.round(ms)} ms`.padStart(9)} ` +
        `${mb(size).padStart(9)} (base64 ${mb(base64).padStart(8)})  peak RSS ${mb(peak).padStart(9)}  ${verdict}`,
    );
  }
}

async function main(): Promise<void> {
  console.log(
    `Report generation (summary + model + render), limits: ${TIME_LIMIT_MS / 1000} s (API Gateway) and ` +
      `${mb(SIZE_LIMIT_BYTES)} response (Lambda sends every report base64-encoded, a third larger); peak RSS is the process maximum so far.`,
  );
  await run(example());
  await run(large());
}

void main();
