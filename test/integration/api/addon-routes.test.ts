import { apiPaths } from '../../../functions/contract/contract';
import { COORDINATOR, EXAMPLE, IFCA, INCD, useApiServer } from './api-test-server';

const api = useApiServer();
const PROJECT = 'imagine';

function cell(installationId: string, metricId: string, periodId: string, raw: unknown, where?: string) {
  return { installationId, metricId, periodId, raw, ...(where === undefined ? {} : { cell: where }) };
}

const trigger = (editor: string | null) => ({ editor, via: 'document-trigger' as const });

describe('routes the Sheets add-on relies on', () => {
  beforeEach(async () => {
    const put = await api.call('PUT', apiPaths.config(PROJECT), {
      as: COORDINATOR,
      body: EXAMPLE.configBody,
    });
    expect(put.status).toBe(201);
  });

  describe('POST entries on behalf of the editor the document trigger reports', () => {
    it('applies the editor’s permissions cell by cell and records both identities', async () => {
      const posted = await api.call('POST', apiPaths.entries(PROJECT), {
        as: COORDINATOR,
        body: {
          actingFor: trigger(IFCA),
          cells: [
            cell('ifca-cpu', 'cpu-hours', 'P1', '94,656', 'Metrics!C10'),
            cell('incd-cpu', 'cpu-hours', 'P1', '1000', 'Metrics!C30'),
          ],
        },
      });
      expect(posted.status).toBe(200);
      const [own, foreign] = posted.body.outcomes;
      expect(own).toEqual(expect.objectContaining({ status: 'accepted', normalized: '94,656' }));
      expect(foreign.status).toBe('rejected');
      expect(foreign.message).toContain('partner@ifca.example.org may not write installation "incd-cpu"');
      expect(foreign.message).toContain('Metrics!C30');
      expect(foreign.issues[0].ruleId).toBe('not-an-editor');

      const foreignHistory = await api.call('GET', apiPaths.history(PROJECT, 'incd-cpu', 'cpu-hours', 'P1'), {
        as: INCD,
      });
      expect(foreignHistory.body.items).toEqual([
        expect.objectContaining({
          raw: '1000',
          status: 'rejected',
          current: false,
          editor: IFCA,
          submittedBy: COORDINATOR,
          via: 'document-trigger',
        }),
      ]);
      const current = await api.call('GET', apiPaths.currentEntries(PROJECT, 'P1'), { as: INCD });
      expect(current.body.entries.map((entry: { installationId: string }) => entry.installationId)).toEqual([
        'ifca-cpu',
      ]);
    });

    it('records an edit Apps Script gave no editor for as typed by "one of" the people the protection lets type there, never the trigger owner', async () => {
      const posted = await api.call('POST', apiPaths.entries(PROJECT), {
        as: COORDINATOR,
        body: {
          actingFor: trigger(null),
          cells: [cell('incd-cpu', 'countries', 'P1', 'PT, ES'), cell('ifca-cpu', 'users', 'P1', 12)],
        },
      });
      expect(posted.body.outcomes.map((outcome: { status: string }) => outcome.status)).toEqual([
        'accepted',
        'accepted',
      ]);
      for (const [installationId, metricId, partner] of [
        ['incd-cpu', 'countries', INCD],
        ['ifca-cpu', 'users', IFCA],
      ] as const) {
        const history = await api.call('GET', apiPaths.history(PROJECT, installationId, metricId, 'P1'), {
          as: COORDINATOR,
        });
        expect(history.body.items[0]).toEqual(
          expect.objectContaining({
            editor: null,
            possibleEditors: [COORDINATOR, partner],
            editorLabel: `one of ${COORDINATOR}, ${partner}`,
            submittedBy: COORDINATOR,
            via: 'document-trigger',
          }),
        );
      }
    });

    it('names the editor, and only them, when Apps Script reported one', async () => {
      await api.call('POST', apiPaths.entries(PROJECT), {
        as: COORDINATOR,
        body: { actingFor: trigger(INCD), cells: [cell('incd-cpu', 'users', 'P1', 3)] },
      });
      const history = await api.call('GET', apiPaths.history(PROJECT, 'incd-cpu', 'users', 'P1'), {
        as: COORDINATOR,
      });
      expect(history.body.items[0]).toEqual(expect.objectContaining({ editor: INCD, editorLabel: INCD }));
      expect(history.body.items[0]).not.toHaveProperty('possibleEditors');
    });

    it('refuses actingFor from a partner (403) and keeps refusing a plain partner writing another installation', async () => {
      const acting = await api.call('POST', apiPaths.entries(PROJECT), {
        as: IFCA,
        body: { actingFor: trigger(IFCA), cells: [cell('ifca-cpu', 'cpu-hours', 'P1', 5)] },
      });
      expect(acting.status).toBe(403);
      expect(acting.body.message).toContain('Only coordinators');
      const plain = await api.call('POST', apiPaths.entries(PROJECT), {
        as: IFCA,
        body: { cells: [cell('incd-cpu', 'cpu-hours', 'P1', 5)] },
      });
      expect(plain.status).toBe(403);
    });

    it('records a direct submission with the caller as editor and submitter', async () => {
      await api.call('POST', apiPaths.entries(PROJECT), {
        as: IFCA,
        body: { cells: [cell('ifca-cpu', 'users', 'P1', 12)] },
      });
      const history = await api.call('GET', apiPaths.history(PROJECT, 'ifca-cpu', 'users', 'P1'), {
        as: IFCA,
      });
      expect(history.body.items[0]).toEqual(
        expect.objectContaining({ editor: IFCA, submittedBy: IFCA, via: 'direct' }),
      );
    });

    it('names the field when the reported editor is not an e-mail', async () => {
      const posted = await api.call('POST', apiPaths.entries(PROJECT), {
        as: COORDINATOR,
        body: { actingFor: trigger('somebody'), cells: [cell('ifca-cpu', 'users', 'P1', 12)] },
      });
      expect(posted.status).toBe(400);
      expect(posted.body.message).toContain('actingFor.editor');
    });
  });

  describe('GET entries?period=', () => {
    it('lists every current value of the period as submitted, with warnings’ messages', async () => {
      await api.call('POST', apiPaths.entries(PROJECT), {
        as: COORDINATOR,
        body: {
          cells: [
            cell('ifca-cpu', 'cpu-hours', 'P2', '393,888'),
            cell('ifca-cpu', 'countries', 'P2', 'ES, ES'),
            cell('ifca-cpu', 'countries', 'P1', 'SP'),
          ],
        },
      });
      const answer = await api.call('GET', apiPaths.currentEntries(PROJECT, 'P2'), { as: IFCA });
      expect(answer.status).toBe(200);
      expect(answer.body.periodId).toBe('P2');
      const byMetric = Object.fromEntries(
        answer.body.entries.map((entry: { metricId: string }) => [entry.metricId, entry]),
      );
      expect(byMetric['cpu-hours']).toEqual(
        expect.objectContaining({ raw: '393,888', status: 'accepted', normalized: '393,888', version: 1 }),
      );
      expect(byMetric.countries.status).toBe('warning');
      expect(byMetric.countries.message).not.toBe('');
      const p1 = await api.call('GET', apiPaths.currentEntries(PROJECT, 'P1'), { as: IFCA });
      expect(p1.body.entries).toEqual([]);
    });

    it('shows the latest rejected input beside the current value, and cells that never held one', async () => {
      const post = (cells: unknown[]) =>
        api.call('POST', apiPaths.entries(PROJECT), { as: IFCA, body: { cells } });
      expect((await post([cell('ifca-cpu', 'countries', 'P2', 'ES')])).body.outcomes[0].status).toBe(
        'accepted',
      );
      const refused = await post([
        cell('ifca-cpu', 'countries', 'P2', 'FR, SP'),
        cell('ifca-cpu', 'cpu-hours', 'P2', 'FR, SP'),
      ]);
      const [countries, hours] = refused.body.outcomes;
      expect([countries.status, hours.status]).toEqual(['rejected', 'rejected']);

      const answer = await api.call('GET', apiPaths.currentEntries(PROJECT, 'P2'), { as: IFCA });
      expect(answer.status).toBe(200);
      // The same answer the POST gave, so the add-on can repeat it without sending the value again.
      expect(answer.body.entries).toEqual([
        expect.objectContaining({
          metricId: 'countries',
          raw: 'ES',
          version: 1,
          latest: {
            raw: 'FR, SP',
            status: 'rejected',
            message: countries.message,
            issues: countries.issues,
            version: 2,
            submittedAt: expect.any(String),
          },
        }),
      ]);
      expect(answer.body.unstored).toEqual([
        {
          installationId: 'ifca-cpu',
          metricId: 'cpu-hours',
          periodId: 'P2',
          latest: expect.objectContaining({
            raw: 'FR, SP',
            status: 'rejected',
            message: hours.message,
            version: 1,
          }),
        },
      ]);

      expect((await post([cell('ifca-cpu', 'countries', 'P2', 'FR, ES')])).body.outcomes[0].status).not.toBe(
        'rejected',
      );
      const after = await api.call('GET', apiPaths.currentEntries(PROJECT, 'P2'), { as: IFCA });
      const [entry] = after.body.entries;
      expect(entry).toMatchObject({ raw: 'FR, ES', version: 3 });
      expect(entry).not.toHaveProperty('latest');
    });

    it.each([
      ['P9', 400, 'invalid-period'],
      ['PY1', 400, 'invalid-request'],
    ])('answers ?period=%s with %i', async (period, status, code) => {
      const answer = await api.call('GET', apiPaths.currentEntries(PROJECT, period), { as: IFCA });
      expect(answer.status).toBe(status);
      expect(answer.body.code).toBe(code);
    });

    it('refuses outsiders', async () => {
      const answer = await api.call('GET', apiPaths.currentEntries(PROJECT, 'P1'), { as: 'x@example.org' });
      expect(answer.status).toBe(403);
    });
  });

  describe('GET access', () => {
    it.each([
      [COORDINATOR, 'coordinator', 11],
      [IFCA, 'partner', 3],
      ['stranger@example.org', 'none', 0],
    ])('tells %s they are %s', async (email, role, count) => {
      const answer = await api.call('GET', apiPaths.access(PROJECT), { as: email });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(expect.objectContaining({ email, role }));
      expect(answer.body.installations).toHaveLength(count);
    });

    it('names a partner’s installations', async () => {
      const answer = await api.call('GET', apiPaths.access(PROJECT), { as: IFCA });
      expect(answer.body.installations[0]).toEqual({
        id: 'ifca-cpu',
        name: 'IFCA-CSIC Scientific Cloud – CPU',
      });
    });
  });

  describe('GET calendar', () => {
    it('lists the six periods and three years, the current one from the clock', async () => {
      const answer = await api.call('GET', apiPaths.calendar(PROJECT), { as: IFCA });
      expect(answer.status).toBe(200);
      expect(answer.body.periods.map((period: { id: string }) => period.id)).toEqual([
        'P1',
        'P2',
        'P3',
        'P4',
        'P5',
        'P6',
      ]);
      expect(answer.body.periods[0]).toEqual({
        id: 'P1',
        label: 'P1 (M01–M06)',
        firstMonth: 1,
        lastMonth: 6,
        startDate: '2022-09-01',
        endDate: '2023-02-28',
      });
      expect(answer.body.years.map((year: { id: string }) => year.id)).toEqual(['PY1', 'PY2', 'PY3']);
      // The tests' clock is 2 October 2023: month 14, in P3 of PY2.
      expect(answer.body.currentPeriodId).toBe('P3');
      expect(answer.body.currentYearId).toBe('PY2');
    });
  });
});
