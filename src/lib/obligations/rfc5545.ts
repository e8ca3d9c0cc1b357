/**
 * What this site promises of every .ics it publishes, checked on the bytes (RFC 5545): CRLF after
 * every line including the last, lines folded at 75 octets without splitting a UTF-8 character,
 * BEGIN/END balanced, the calendar properties PRODID, VERSION, CALSCALE, METHOD:PUBLISH and
 * X-WR-CALNAME once each, and every event with one UID (unique in the file), DTSTAMP and DTSTART.
 * The endpoints refuse to write a file with a problem; the browser tests run it over dist/.
 */
const MAX_OCTETS = 75;
const CR = 0x0d;
const LF = 0x0a;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The physical lines (without their CRLF) or the first problem with the line ends. */
function physicalLines(bytes: Uint8Array): { lines: Uint8Array[]; problems: string[] } {
  const lines: Uint8Array[] = [];
  const problems: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === CR && bytes[i + 1] === LF) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
      i += 1;
    } else if (bytes[i] === CR || bytes[i] === LF) {
      problems.push(`第 ${lines.length + 1} 行：行尾不是 CRLF`);
      return { lines, problems };
    }
  }
  if (start < bytes.length) problems.push(`第 ${lines.length + 1} 行（最后一行）：没有以 CRLF 结尾`);
  return { lines, problems };
}

export function icsProblems(bytes: Uint8Array): string[] {
  if (bytes.length === 0) return ['文件为空'];
  const { lines, problems } = physicalLines(bytes);
  if (problems.length) return problems;

  const logical: string[] = [];
  lines.forEach((line, i) => {
    const where = `第 ${i + 1} 行`;
    if (line.length > MAX_OCTETS) problems.push(`${where}：${line.length} 个字节，超过 ${MAX_OCTETS}`);
    let text: string;
    try {
      text = decoder.decode(line);
    } catch {
      problems.push(`${where}：不是完整的 UTF-8（折行切开了一个字符）`);
      return;
    }
    if (text === '') problems.push(`${where}：空行`);
    else if (text[0] === ' ' || text[0] === '\t') {
      if (logical.length === 0) problems.push(`${where}：第一行不能是续行`);
      else logical[logical.length - 1] += text.slice(1);
    } else logical.push(text);
  });

  const stack: string[] = [];
  const calendarProps = new Map<string, string[]>();
  const uids = new Set<string>();
  let event: Map<string, string[]> | undefined;
  logical.forEach((line, i) => {
    const match = /^([A-Za-z0-9-]+)[;:]/.exec(line);
    if (!match) {
      problems.push(`内容行 ${i + 1}：没有属性名：${line.slice(0, 40)}`);
      return;
    }
    const name = (match[1] as string).toUpperCase();
    const value = line.slice(line.indexOf(':') + 1);
    if (name === 'BEGIN') {
      if (i === 0 && value !== 'VCALENDAR') problems.push('文件不以 BEGIN:VCALENDAR 开头');
      stack.push(value);
      if (value === 'VEVENT') event = new Map();
      return;
    }
    if (name === 'END') {
      const open = stack.pop();
      if (open !== value) problems.push(`内容行 ${i + 1}：END:${value} 与 BEGIN:${open ?? '（无）'} 不配对`);
      if (value === 'VEVENT' && event) {
        const uid = event.get('UID');
        if (uid?.length !== 1) problems.push(`事件（内容行 ${i + 1} 结束）：须有且只有一个 UID`);
        else if (uids.has(uid[0] as string)) problems.push(`事件 UID 重复：${uid[0]}`);
        else uids.add(uid[0] as string);
        if (event.get('DTSTAMP')?.length !== 1 || !/^\d{8}T\d{6}Z$/.test(event.get('DTSTAMP')?.[0] ?? ''))
          problems.push(`事件 ${uid?.[0] ?? ''}：须有一个 UTC 时间的 DTSTAMP`);
        if (event.get('DTSTART')?.length !== 1) problems.push(`事件 ${uid?.[0] ?? ''}：须有一个 DTSTART`);
        event = undefined;
      }
      if (stack.length === 0 && i !== logical.length - 1) problems.push('END:VCALENDAR 之后还有内容');
      return;
    }
    const props = stack.length === 1 ? calendarProps : stack[stack.length - 1] === 'VEVENT' ? event : undefined;
    props?.set(name, [...(props.get(name) ?? []), value]);
  });
  if (stack.length) problems.push(`没有结束的组件：${stack.join('、')}`);

  const once = (name: string, expected?: string) => {
    const values = calendarProps.get(name) ?? [];
    if (values.length !== 1) problems.push(`日历须有且只有一个 ${name}（现有 ${values.length} 个）`);
    else if (expected !== undefined && values[0] !== expected) problems.push(`${name} 应为 ${expected}：${values[0]}`);
  };
  once('PRODID');
  once('VERSION', '2.0');
  once('CALSCALE', 'GREGORIAN');
  once('METHOD', 'PUBLISH');
  once('X-WR-CALNAME');
  return problems;
}
