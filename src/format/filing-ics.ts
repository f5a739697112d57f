/**
 * The open filing deadlines as an iCalendar file (RFC 5545), so an officer's calendar reminds them:
 * one all-day VEVENT on the due date per target not yet filed (未备案未到期 and 未备案已逾期), with a
 * display alarm 7 days before. Byte-stable: the UID is a hash of path and target, and DTSTAMP comes
 * from --as-of, never from the clock. Lines end in CRLF and are folded at 75 octets (§3.1), never
 * inside a UTF-8 character; TEXT values escape \ ; , and line breaks (§3.3.11).
 */
import { createHash } from 'node:crypto';
import type { FilingReport } from '../commands/filing.js';
import type { Obligation } from '../reports/filing/obligations.js';
import { deadlineText, documentText, statusText } from './filing-wording.js';

/** Escape a TEXT value (RFC 5545 §3.3.11). */
export function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Fold a content line at 75 octets: continuation lines start with one space (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n');
}

const compact = (iso: string): string => iso.replace(/-/g, '');

/** The day after an ISO date (DTEND of an all-day event is exclusive). */
function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A stable UID for a document and target. */
export function eventUid(o: Obligation): string {
  const hash = createHash('sha256').update(`${o.path}\n${o.targetType ?? ''}\n${o.target ?? ''}`).digest('hex').slice(0, 32);
  return `${hash}@hefa`;
}

export function formatFilingIcs(report: FilingReport, version: string): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//hefa//hefa ${version}//ZH`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText('hefa 备案期限')}`,
  ];
  const stamp = `${compact(report.asOf)}T000000Z`;
  for (const o of report.obligations) {
    if ((o.status !== '未备案未到期' && o.status !== '未备案已逾期') || !o.due) continue;
    const doc = documentText(o);
    const summary = `${o.status === '未备案已逾期' ? '【已逾期】' : ''}报送${o.target}备案：${doc}`;
    const description = [
      `文件：${o.title}`,
      `文号：${o.docNumber ?? '（无）'}`,
      `报送机关：${o.target}`,
      `公布日期：${o.publishedOn ?? '（不详）'}`,
      `备案期限：${o.due}（${deadlineText(report.days, report.unit)}）`,
      `状态（${report.asOf}）：${statusText(o)}`,
      `路径：${o.path}`,
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${eventUid(o)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(o.due)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(o.due))}`,
      `SUMMARY:${icsText(summary)}`,
      `DESCRIPTION:${icsText(description)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${icsText(`备案期限${o.due}：${summary}`)}`,
      'TRIGGER:-P7D',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
