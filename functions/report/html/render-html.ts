import type { ReportModel, ReportTable } from '../../domain/report/report-model';
import type { RenderedChart } from '../charts/render-chart';
import { isNumericCell } from '../numeric-cell';
import { escapeHtml } from './escape-html';
import { REPORT_CSS } from './report-styles';

function tableHtml(table: ReportTable, className = ''): string {
  const head =
    table.header.length === 0
      ? ''
      : `<thead><tr>${table.header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead>`;
  const body = table.rows
    .map((row) => {
      if (table.header.length === 0) {
        const [label = '', ...rest] = row;
        return `<tr><th scope="row">${escapeHtml(label)}</th>${rest.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
      }
      return `<tr>${row
        .map((cell, index) =>
          index > 0 && isNumericCell(cell)
            ? `<td class="number">${escapeHtml(cell)}</td>`
            : `<td>${escapeHtml(cell)}</td>`,
        )
        .join('')}</tr>`;
    })
    .join('\n');
  return `<table${className === '' ? '' : ` class="${className}"`}>${head}<tbody>${body}</tbody></table>`;
}

function paragraphs(texts: readonly string[]): string {
  return texts.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
}

function figureHtml(rendered: RenderedChart): string {
  const source = `data:image/svg+xml;base64,${Buffer.from(rendered.svg, 'utf8').toString('base64')}`;
  return `<figure id="${escapeHtml(rendered.chart.id)}"><img src="${source}" width="${Math.round(rendered.width)}" height="${Math.round(rendered.height)}" alt="${escapeHtml(rendered.chart.altText)}"><figcaption>${escapeHtml(rendered.chart.caption)}</figcaption></figure>`;
}

/** A locked window's lock and the amendments recorded after it; nothing for an open window. */
function closingHtml(model: ReportModel): string {
  const { closing } = model;
  if (closing === undefined) return '';
  const amendments = closing.amendments.rows.length === 0 ? '' : tableHtml(closing.amendments);
  return `<section id="closing"><h2>5. Lock and amendments</h2>
${paragraphs(closing.paragraphs)}
${amendments}
</section>`;
}

/** One self-contained HTML page: inline CSS, charts as SVG data: URIs, nothing fetched. */
export function renderHtml(model: ReportModel, charts: readonly RenderedChart[]): string {
  const summary = model.executiveSummary;
  const installations = model.installations
    .map(
      (
        installation,
      ) => `<section class="installation" id="installation-${escapeHtml(installation.installationId)}">
<h3>${escapeHtml(`${installation.number} ${installation.name}`)}</h3>
${tableHtml(installation.description, 'kv')}
<h4>${escapeHtml(`${installation.number}.1 Metrics`)}</h4>
${tableHtml(installation.metrics)}
${(installation.confirmations ?? []).map((line) => `<p class="confirmation">${escapeHtml(line)}</p>`).join('\n')}
<h4>${escapeHtml(`${installation.number}.2 Assessment`)}</h4>
<div class="assessment ${installation.assessment.status}">${paragraphs(installation.assessment.paragraphs)}</div>
<p class="provenance">${escapeHtml(installation.assessment.provenance)}</p>
</section>`,
    )
    .join('\n');
  const groups = model.introduction.groups
    .map(
      (group) =>
        `<li>${escapeHtml(group.title)}<ul>${group.installations
          .map((item) => `<li>${escapeHtml(`${item.number} ${item.name}`)}</li>`)
          .join('')}</ul></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${model.projectTitle}: ${model.documentTitle} (${model.windowId})`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="cover">
<p class="project">${escapeHtml(model.projectTitle)}</p>
<h1>${escapeHtml(model.documentTitle)}</h1>
<p class="window">${escapeHtml(model.windowLabel)}</p>
${model.closing === undefined ? '' : `<p class="as-of">${escapeHtml(model.closing.paragraphs[0] ?? '')}</p>`}
</header>
<section id="document-description"><h2>Document description</h2>${tableHtml(model.documentDescription, 'kv')}</section>
<section id="executive-summary"><h2>Executive summary</h2>
${paragraphs(summary.paragraphs)}
${tableHtml(summary.budgets)}
${charts.map(figureHtml).join('\n')}
</section>
<section id="introduction"><h2>1. Introduction</h2>
${paragraphs(model.introduction.paragraphs)}
<h3>1.1 Installations by task</h3>
<ul>${groups}</ul>
</section>
<section id="installations"><h2>2. Installations</h2>
${installations}
</section>
<section id="countries"><h2>3. Countries reached</h2>
${paragraphs(model.countries.paragraphs)}
${tableHtml(model.countries.perPeriod)}
${model.countries.perInstallation.rows.length === 0 ? '' : tableHtml(model.countries.perInstallation)}
</section>
<section id="completeness"><h2>4. Completeness</h2>
${paragraphs(model.completeness.paragraphs)}
${model.completeness.missing.rows.length === 0 ? '' : tableHtml(model.completeness.missing)}
</section>
${closingHtml(model)}
</body>
</html>
`;
}
