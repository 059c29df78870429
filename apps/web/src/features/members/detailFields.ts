import { MemberDetailData, type MemberDetailKind } from '@jiceng/contracts';

/** One text field of a tab's entry, read from the contract's schema (label, limit, required). */
export interface DetailField {
  name: string;
  label: string;
  max: number;
  required: boolean;
  /** Fixed choices (奖惩类别), when the schema is a union of literals. */
  choices?: { value: string; label: string }[];
}

interface SchemaNode {
  description?: string;
  maxLength?: number;
  const?: string;
  anyOf?: SchemaNode[];
}

const CHOICE_LABEL: Record<string, string> = { reward: '奖励', punishment: '惩处' };

/** The fields of a kind, in the contract's order, so the form keeps its limits without copying them. */
export function detailFields(kind: MemberDetailKind): DetailField[] {
  const schema = MemberDetailData[kind] as unknown as { properties: Record<string, SchemaNode>; required?: string[] };
  return Object.entries(schema.properties).map(([name, node]) => {
    const literals = node.anyOf?.filter((n) => n.const !== undefined) ?? [];
    const text = node.anyOf?.find((n) => n.maxLength !== undefined) ?? node;
    return {
      name,
      label: node.description ?? text.description ?? name,
      max: text.maxLength ?? 100,
      required: schema.required?.includes(name) ?? false,
      choices: literals.length ? literals.map((l) => ({ value: l.const!, label: CHOICE_LABEL[l.const!] ?? l.const! })) : undefined,
    };
  });
}

/** How each tab names the entry's dates (none for 家庭成员; one date for 奖惩). */
export const DETAIL_DATES: Record<MemberDetailKind, { start?: string; end?: string }> = {
  post: { start: '任职日期', end: '免职日期' },
  reward: { start: '奖惩日期' },
  abroad: { start: '出境日期', end: '回国日期' },
  family: {},
};
