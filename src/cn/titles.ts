/**
 * Titles as lookup keys: the same instrument is written 《中华人民共和国合同法》, 《合同法》,
 * 《中华人民共和国企业破产法(试行)》, 《关于印发<…>的通知》 or with stray spaces. A key is what is left
 * when those differences are taken out; it is only ever compared, never shown.
 */

/** A trailing version note inside the title: （2018年修正）, (2021年修订), （2019年版）, （2017修正本）. */
const VERSION_NOTE = /\((?:[0-9]{4}年?)?[^()]{0,8}?(?:修正|修订|修改|版|修正本|修订本)\)$/;

/**
 * The comparable form of a title: spaces removed, 〈〉 / <> / ＜＞ unified, full- and half-width
 * parentheses unified (（试行） and (试行) are the same; 试行 itself is kept, so 《企业破产法（试行）》
 * and 《企业破产法》 stay apart), full-width digits made half-width, a trailing version note dropped.
 * With `dropCountry`, a leading 中华人民共和国 is dropped too (for national laws, cited either way).
 */
export function titleKey(title: string, dropCountry = false): string {
  let t = title
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[〈<＜«‹]/g, '〈')
    .replace(/[〉>＞»›]/g, '〉')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  t = t.replace(VERSION_NOTE, '');
  if (dropCountry) t = t.replace(/^中华人民共和国/, '');
  return t;
}

/** True when the title is written with the country's name in front (中华人民共和国…). */
export function hasCountryPrefix(title: string): boolean {
  return /^中华人民共和国/.test(title.replace(/^[\s\u3000]+/, ''));
}
