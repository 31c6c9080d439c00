/**
 * "P1 (M01–M06)": how every table, legend and sentence of the report names a period, the same way the
 * window is named ("PY1 (M01–M12)") and the assessments quote it, so a reviewer matches them at a glance.
 */
export function periodHeading(period: { periodId: string; periodLabel: string }): string {
  return `${period.periodId} (${period.periodLabel})`;
}
