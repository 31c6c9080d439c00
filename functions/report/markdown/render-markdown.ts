import type { ReportChart, ReportModel, ReportTable } from '../../domain/report/report-model';

/**
 * Names and titles come from the config, and generated paragraphs quote them: a line break in one
 * (CommonMark also ends a line at a lone CR) would start a heading, list item or table row of its own
 * in the middle of the file. People's assessments keep their line breaks: they are written as Markdown.
 */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** Pipes and line breaks would end a Markdown table cell early. */
function cell(text: string): string {
  return oneLine(text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|'));
}

function tableMarkdown(table: ReportTable): string {
  const header = table.header.length === 0 ? ['', ''] : table.header;
  const lines = [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** Markdown cannot carry the picture portably: the caption and the chart's figures in words stand in for it. */
function chartMarkdown(chart: ReportChart): string {
  return `**${oneLine(chart.caption)}**\n\n> ${oneLine(chart.altText)}`;
}

/** The report as Markdown: the same sections and tables as the Word and HTML files. */
export function renderMarkdown(model: ReportModel): string {
  const blocks: string[] = [
    `# ${oneLine(model.documentTitle)}`,
    `**${oneLine(model.projectTitle)}**, ${model.windowLabel}`,
    '## Document description',
    tableMarkdown(model.documentDescription),
    '## Executive summary',
    ...model.executiveSummary.paragraphs.map(oneLine),
    tableMarkdown(model.executiveSummary.budgets),
    ...model.executiveSummary.charts.map(chartMarkdown),
    '## 1. Introduction',
    ...model.introduction.paragraphs.map(oneLine),
    '### 1.1 Installations by task',
    model.introduction.groups
      .map(
        (group) =>
          `- ${oneLine(group.title)}\n${group.installations.map((item) => `  - ${item.number} ${oneLine(item.name)}`).join('\n')}`,
      )
      .join('\n'),
    '## 2. Installations',
  ];
  for (const installation of model.installations) {
    blocks.push(
      `### ${installation.number} ${oneLine(installation.name)}`,
      tableMarkdown(installation.description),
      `#### ${installation.number}.1 Metrics`,
      tableMarkdown(installation.metrics),
      `#### ${installation.number}.2 Assessment`,
      ...(installation.assessment.status === 'missing'
        ? installation.assessment.paragraphs.map((paragraph) => `**${paragraph}**`)
        : installation.assessment.paragraphs),
      `_${installation.assessment.provenance}_`,
    );
  }
  blocks.push(
    '## 3. Countries reached',
    ...model.countries.paragraphs.map(oneLine),
    tableMarkdown(model.countries.perPeriod),
  );
  if (model.countries.perInstallation.rows.length > 0)
    blocks.push(tableMarkdown(model.countries.perInstallation));
  blocks.push('## 4. Completeness', ...model.completeness.paragraphs.map(oneLine));
  if (model.completeness.missing.rows.length > 0) blocks.push(tableMarkdown(model.completeness.missing));
  return `${blocks.join('\n\n')}\n`;
}
