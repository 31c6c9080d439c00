import { MalformedPathError } from './api-errors';

/** One path segment, percent-decoded; a broken escape names the segment instead of passing for a 404. */
export function decodePathSegment(segment: string, path: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new MalformedPathError(
      `The path segment "${segment}" of ${path} is not valid percent-encoding ` +
        '(each % must start a UTF-8 byte such as %C3%A9): encode each segment with encodeURIComponent',
    );
  }
}

/** Every segment of a path, decoded; throws MalformedPathError naming the first broken one. */
export function decodePathSegments(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((segment) => decodePathSegment(segment, path));
}
