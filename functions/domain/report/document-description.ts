import type { Project, ReportSettings } from '../config/project-schema';
import type { WindowSummary } from '../summary/window-summary';
import type { ReportTable } from './report-model';

/** Printed where a field the description table always shows has no value in the configuration. */
const NOT_SET = 'not set';

/** The seed's "Document Description" table: always the core rows, optional ones only when configured. */
export function documentDescription(
  project: Project,
  settings: ReportSettings,
  summary: WindowSummary,
): ReportTable {
  const window = summary.window;
  const authors =
    settings.authors.length > 0
      ? settings.authors.join(', ')
      : settings.leadPartner !== ''
        ? settings.leadPartner
        : 'The project coordinators';
  const rows: [string, string][] = [
    ['Project', project.acronym !== undefined ? `${project.acronym}: ${project.title}` : project.title],
    ['Grant agreement', project.grantAgreement ?? NOT_SET],
    ['Deliverable', settings.deliverableId === '' ? NOT_SET : settings.deliverableId],
    ['Title', settings.title],
    ['Period', `${window.label}: ${window.startDate} to ${window.endDate}`],
    ['Authors', authors],
    ['Document status', settings.status],
    ['Version', settings.version],
  ];
  const optional: [string, string][] = [
    ['Work package', settings.workPackage],
    ['Document type', settings.documentType],
    ['Dissemination level', settings.disseminationLevel],
    ['Lead partner', settings.leadPartner],
    ['Figures as of', summary.asOf.slice(0, 10)],
  ];
  return { header: [], rows: [...rows, ...optional.filter(([, value]) => value !== '')] };
}
