import { DateTime } from 'luxon';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import type { ProjectConfig } from '../../../functions/domain/config/project-config-schema';
import { summarize } from '../../../functions/domain/summary/summarize';
import { summaryHeadlines } from '../../../functions/domain/summary/summary-headlines';
import { imagineConfig, imagineValues } from '../../fixtures/imagine-values';

const now = DateTime.fromISO('2023-10-15T09:00:00', { zone: 'Europe/Amsterdam' });

function headlinesFor(config: ProjectConfig): string[] {
  return summaryHeadlines(summarize(config, imagineValues(), parseWindow(config.project, 'PY1'), now));
}

describe('summary headlines', () => {
  it('says each figure of the example once: its "storage" group holds only the storage budget', () => {
    expect(headlinesFor(imagineConfig())).toEqual([
      'CPU-hours: 662,547 CPU-hours used in PY1 (M01–M12); 89% of 6,000,000 still available',
      'GPU-hours: 14,400 GPU-hours used in PY1 (M01–M12); 89% of 132,000 still available',
      'storage: 33.4 TB-month used in PY1 (M01–M12); 98% of 1,500 still available',
      'CPU and GPU-hours: 676,947 CPU-hours + GPU-hours used in PY1 (M01–M12); 89% of 6,132,000 still available',
    ]);
  });

  it('says a one-budget group once even when it names its budget differently', () => {
    const config = imagineConfig();
    const renamed: ProjectConfig = {
      ...config,
      project: {
        ...config.project,
        budgetGroups: config.project.budgetGroups.map((group) =>
          group.id === 'storage' ? { ...group, label: 'data storage' } : group,
        ),
      },
    };
    const headlines = headlinesFor(renamed);
    expect(headlines.filter((headline) => headline.includes('33.4 TB-month'))).toEqual([
      'storage: 33.4 TB-month used in PY1 (M01–M12); 98% of 1,500 still available',
    ]);
  });
});
