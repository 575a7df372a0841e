// Time-zone-aware expectations. The suite runs under TZ=UTC, Pacific/Auckland and
// America/Los_Angeles (.ci/run); crm's "local" is the process zone, so expectations about local
// wall-clock times are computed here, independently of src (Intl, not Date's getters).

/** The process time zone, as crm sees it. */
export const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Local wall-clock 'YYYY-MM-DD HH:mm[:ss]' -> the instant (ISO UTC, as crm stores it). */
export function localInstant(wall: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) throw new Error(`localInstant: bad wall-clock time ${JSON.stringify(wall)}`);
  // `?? 0`: an optional group that did not match (no seconds) is undefined, whatever its type says.
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  return new Date(y!, mo! - 1, d, h, mi, s).toISOString();
}

function parts(at: string | Date): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
  });
  return Object.fromEntries(fmt.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
}

/** The local calendar date of an instant: 'YYYY-MM-DD'. */
export function localDay(at: string | Date): string {
  const p = parts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The local 'YYYY-MM-DD HH:mm' of an instant (crm's human output). */
export function localMinute(at: string | Date): string {
  const p = parts(at);
  return `${localDay(at)} ${p.hour}:${p.minute}`;
}

/** The local UTC offset in force at an instant: '+13:00', '-08:00', '+00:00'. */
export function localOffset(at: string | Date): string {
  const name = parts(at).timeZoneName ?? '';
  if (name === 'GMT' || name === 'UTC') return '+00:00';
  const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
  if (!m) throw new Error(`localOffset: unexpected zone name ${JSON.stringify(name)}`);
  return `${m[1]}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}`;
}

/** An instant as crm writes it in JSON: local wall-clock time with the local offset. */
export function localIso(at: string | Date): string {
  const p = parts(at);
  return `${localDay(at)}T${p.hour}:${p.minute}:${p.second}${localOffset(at)}`;
}
