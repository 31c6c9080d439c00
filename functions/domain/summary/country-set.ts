/** Union of country lists in first-seen order, so "FR, BE, ES" then "ES, DE" reads "FR, BE, ES, DE". */
export function unionOfCountries(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const code of list) seen.add(code);
  return [...seen];
}

export function countriesIn(list: readonly string[], among: readonly string[]): string[] {
  const wanted = new Set(among);
  return list.filter((code) => wanted.has(code));
}

export function countriesNotIn(list: readonly string[], among: readonly string[]): string[] {
  const excluded = new Set(among);
  return list.filter((code) => !excluded.has(code));
}
