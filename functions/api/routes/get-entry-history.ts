import { routePatterns } from '../../contract/api-paths';
import { type HistoryResponse, periodIdSchema } from '../../contract/contract';
import { requireMember } from '../auth/authorize';
import { editorLabel } from '../auth/possible-editors';
import { parseRequest } from '../parse-request';
import { ok, type ProtectedRoute } from '../route';
import { loadProject } from './load-project';

/** Every submission of one cell, oldest first, rejected ones included: the audit trail. */
export const getEntryHistoryRoute: ProtectedRoute = {
  method: 'GET',
  pattern: routePatterns.history,
  handle: async ({ params, container, identity }) => {
    const projectId = params.projectId ?? '';
    const config = await loadProject(container, projectId);
    requireMember(config, identity);
    const installationId = params.installationId ?? '';
    const metricId = params.metricId ?? '';
    const periodId = parseRequest(periodIdSchema, params.periodId, 'periodId');
    const records = await container.entries.history(projectId, { installationId, metricId, periodId });
    const currentVersion = records.reduce<number | null>(
      (latest, record) => (record.status === 'rejected' ? latest : record.version),
      null,
    );
    const body: HistoryResponse = {
      installationId,
      metricId,
      periodId,
      items: records.map((record) => ({
        version: record.version,
        raw: record.raw,
        status: record.status,
        value: record.value,
        normalized: record.normalized,
        issues: record.issues,
        editor: record.editor,
        ...(record.possibleEditors === undefined ? {} : { possibleEditors: record.possibleEditors }),
        editorLabel: editorLabel(record.editor, record.possibleEditors),
        submittedBy: record.submittedBy,
        via: record.via,
        submittedAt: record.submittedAt,
        current: record.version === currentVersion,
        ...(record.amendment === undefined ? {} : { amendment: record.amendment }),
      })),
    };
    return ok(body);
  },
};
