/** Wording shared by the audit formats: how a repealed citation, a status and a recommendation read. */
import type { AuditDocument, RepealedCitation } from '../reports/audit/classify.js';

const quoted = (t: string): string => (t.startsWith('《') ? t : `《${t}》`);

/** 《中华人民共和国合同法》（第12行，已由《中华人民共和国民法典》取代） */
export function repealedCitationText(c: RepealedCitation): string {
  return `${quoted(c.law)}（第${c.line}行${c.successor ? `，已由${quoted(c.successor)}取代` : ''}）`;
}

/** The status as shown to a person; an unreadable input has none. */
export function statusText(d: AuditDocument): string {
  return d.status ?? '无法读取';
}

/** The recommendation as shown to a person; documents outside the scope get none. */
export function recommendationText(d: AuditDocument): string {
  return d.recommendation ?? '不作建议';
}

/** Order of the action lists: the strongest recommendation first. */
export const ACTION_ORDER: Record<string, number> = { 宣布失效: 0, 废止: 1, 修改: 2, 继续有效: 3 };

/** Documents listed for action, strongest recommendation first, then by path. */
export function actionList(documents: AuditDocument[]): AuditDocument[] {
  return documents
    .filter((d) => d.needsAction)
    .sort((a, b) => ACTION_ORDER[a.recommendation!]! - ACTION_ORDER[b.recommendation!]! || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The document as a person names it: 《标题》（文号）, else its path. */
export function documentName(d: { title: string | null; docNumber?: string | null; path: string }): string {
  if (!d.title) return d.path;
  return `${quoted(d.title)}${d.docNumber ? `（${d.docNumber}）` : ''}`;
}

export const DISCLAIMER = 'hefa 只提示可能的问题，不能证明文件合法；清理建议须由审查人员逐件核实后决定。';
