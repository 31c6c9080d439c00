import type { z } from 'zod';
import { describeConfigIssues } from '../domain/config/config-issue-wording';

/** One line per problem: the thing and field a person can find in their file, then what is wrong. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], input?: unknown): string[] {
  return describeConfigIssues(input, issues);
}
