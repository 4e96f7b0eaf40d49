/**
 * Anchors as GitHub makes them from headings: lower case, punctuation dropped, spaces to `-`, and a
 * `-1`, `-2` suffix when the page already has the anchor. Feed every heading of the page, in order.
 */
export function headingSlugger(): (heading: string) => string {
  const count = new Map<string, number>();
  return (heading) => {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    let slug = base;
    while (count.has(slug)) {
      const n = count.get(base)! + 1;
      count.set(base, n);
      slug = `${base}-${n}`;
    }
    count.set(slug, 0);
    return slug;
  };
}
