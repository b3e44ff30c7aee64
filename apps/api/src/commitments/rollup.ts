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
      const totalWeight = kids.reduce((sum, kid) => sum + kid.weight, 0);
      const weighted = kids.reduce((sum, kid) => sum + visit(kid) * kid.weight, 0);
      progress = totalWeight > 0 ? Math.round(weighted / totalWeight) : 0;
    }
    result.set(node.id, progress);
    return progress;
  };
  nodes.forEach(visit);
  return result;
}

/** Weighted mean progress of top-level items, one decimal: a framework's progress. */
export function weightedProgress(items: readonly { progress: number; weight: number }[]): number {
  const totalWeight = items.reduce((sum, item) => sum + item.weight, 0);
  if (totalWeight === 0) return 0;
  const weighted = items.reduce((sum, item) => sum + item.progress * item.weight, 0);
  return Math.round((weighted / totalWeight) * 10) / 10;
}
