import { type Project, type ReportSettings, reportSettingsSchema } from '../config/project-schema';

/** The project's report settings with every default applied, whether or not the config has a "report" block. */
export function reportSettingsOf(project: Pick<Project, 'report'>): ReportSettings {
  return project.report ?? reportSettingsSchema.parse({});
}

/** "D4.2 1st Periodical assessment of AI and Infrastructure services", or the title alone. */
export function documentTitleOf(settings: ReportSettings): string {
  return settings.deliverableId === '' ? settings.title : `${settings.deliverableId} ${settings.title}`;
}
