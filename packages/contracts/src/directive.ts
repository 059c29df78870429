/**
 * 下发任务与督办 (issue 13): tasks and notices a committee sends down the tree, signed for, answered
 * with evidence or an extension request, reminded and closed.
 */
export const directiveAuditLabel: Record<string, string> = {};
