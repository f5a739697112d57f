/** How a legal basis reads for a person: 《重大行政决策程序暂行条例》第二十五条. */
import type { Basis } from '../types.js';

const CONFIDENCE: Record<Basis['confidence'], string> = { law: '法律法规', policy: '政策文件', practice: '实践做法' };

export function basisText(b: Basis): string {
  const title = b.title.startsWith('《') ? b.title : `《${b.title}》`;
  const number = b.number ? `（${b.number}）` : '';
  return `${title}${number}${b.article ?? ''}`;
}

export function confidenceText(b: Basis): string {
  return CONFIDENCE[b.confidence];
}
