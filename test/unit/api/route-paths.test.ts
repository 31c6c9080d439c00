import { matchRoute } from '../../../functions/api/match-route';
import { ROUTES } from '../../../functions/api/route-table';
import { apiPaths, routePatterns } from '../../../functions/contract/api-paths';

/** Each route's path is written once (routePatterns): the router matches it and apiPaths fills it in. */
describe('route paths', () => {
  it('serves every route from a path written in routePatterns', () => {
    const patterns = new Set<string>(Object.values(routePatterns));
    expect(ROUTES.map((route) => route.pattern).filter((pattern) => !patterns.has(pattern))).toEqual([]);
    expect([...patterns].filter((pattern) => !ROUTES.some((route) => route.pattern === pattern))).toEqual([]);
  });

  it('builds paths the router reads back, ids percent-encoded', () => {
    const path = apiPaths.history('demo project', 'ifca/cpu', 'cpu-hours', 'P2');
    expect(path).toBe('/v1/projects/demo%20project/entries/ifca%2Fcpu/cpu-hours/P2/history');
    const match = matchRoute(ROUTES, 'GET', path);
    expect(match.route.pattern).toBe(routePatterns.history);
    expect(match.params).toEqual({
      projectId: 'demo project',
      installationId: 'ifca/cpu',
      metricId: 'cpu-hours',
      periodId: 'P2',
    });
    const draft = apiPaths.draft('demo', 'ifca-cpu', 'PY1');
    expect(draft).toBe('/v1/projects/demo/drafts/ifca-cpu?period=PY1');
    expect(matchRoute(ROUTES, 'PUT', draft.split('?')[0] ?? '').params).toEqual({
      projectId: 'demo',
      installationId: 'ifca-cpu',
    });
    expect(apiPaths.sheetReport('demo', 'P1', 'md')).toBe(
      '/v1/projects/demo/sheet/report?period=P1&format=md',
    );
  });
});
