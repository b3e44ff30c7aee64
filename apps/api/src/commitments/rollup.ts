/** What a progress roll-up needs of a commitment. */
export interface RollupNode {
  id: string;
  parentId: string | null;
  progress: number;
  weight: number;
}

/**
 * The progress of every parent as the weighted mean of its children's (rolled-up) progress,
 * rounded to an integer; leaves keep their own. Returns id → progress for all nodes.
 */
export function rollUpProgress(nodes: readonly RollupNode[]): Map<string, number> {
  const children = new Map<string, RollupNode[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const siblings = children.get(node.parentId) ?? [];
    siblings.push(node);
    children.set(node.parentId, siblings);
  }
  const result = new Map<string, number>();
  const visit = (node: RollupNode): number => {
    const known = result.get(node.id);
    if (known !== undefined) return known;
    const kids = children.get(node.id);
    let progress = node.progress;
    if (kids && kids.length > 0) {
      progress = parentProgress(kids.map((kid) => ({ progress: visit(kid), weight: kid.weight })));
    }
    result.set(node.id, progress);
    return progress;
  };
  nodes.forEach(visit);
  return result;
}

/** A parent's progress from its children's: their weighted mean, rounded to an integer. */
export function parentProgress(children: readonly { progress: number; weight: number }[]): number {
  const totalWeight = children.reduce((sum, child) => sum + child.weight, 0);
  if (totalWeight === 0) return 0;
  const weighted = children.reduce((sum, child) => sum + child.progress * child.weight, 0);
  return Math.round(weighted / totalWeight);
}

/**
 * Weighted mean progress, one decimal, from sums of progress × weight and of weight: a
 * framework's and the dashboard's progress of their trackable items.
 */
export function meanProgress(
  figures: readonly { progressWeight: number; weight: number }[],
): number {
  const weight = figures.reduce((sum, f) => sum + f.weight, 0);
  if (weight === 0) return 0;
  const weighted = figures.reduce((sum, f) => sum + f.progressWeight, 0);
  return Math.round((weighted / weight) * 10) / 10;
}
