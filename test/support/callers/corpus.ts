import { addDays, weekdayKeyOf } from '../../../src/shared/lib/civil-date.js';

/**
 * Scripted callers written for this corpus: who calls which practice, how they open, what they
 * say on the way (questions, corrections, changes of mind), and the exact time they want.
 * The caller answers whatever the receptionist asks (see run-caller.ts), so a caller is a goal
 * and a manner of speaking, not a fixed transcript.
 */
export interface ScriptedCaller {
  id: string;
  practiceNumber: string;
  from: string;
  name: string;
  opening: string;
  /** Said, in order, instead of an answer at the next questions. */
  detours: string[];
  /** How they name the service when asked. */
  service: string;
  /** How they say the day and time when asked. */
  when: string;
  /** Local wall clock the booking must land on. */
  want: { date: string; time: string };
}

interface PracticeSpec {
  number: string;
  services: string[];
  /** Whole hours a visit may start on each weekday (long enough for every service). */
  hours: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat', number[]>>;
  closed: string[];
  firstDate: string;
  days: number;
}

const PRACTICES_LIST: PracticeSpec[] = [
  { number: '+15555550123', services: ['a cleaning', 'a dental exam', 'a filling', 'a checkup'], hours: { mon: [8, 10, 15], tue: [8, 10, 15], wed: [8, 10, 15], thu: [10, 15, 17], fri: [8, 10, 12] }, closed: ['2026-11-26', '2026-11-27', '2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'], firstDate: '2026-11-24', days: 60 },
  { number: '+15555550300', services: ['a haircut', 'a trim', 'a blowout', 'hair color'], hours: { tue: [9, 11, 14, 16], wed: [9, 11, 14, 16], thu: [11, 14, 17], fri: [9, 11, 14], sat: [8, 10, 13] }, closed: ['2026-11-26', '2026-11-27'], firstDate: '2026-11-24', days: 44 },
  { number: '+15555550400', services: ['an oil change', 'a brake inspection', 'a tire rotation', 'my brakes checked'], hours: { mon: [7, 9, 11, 13, 15], tue: [7, 9, 11, 13, 15], wed: [7, 9, 11, 13, 15], thu: [7, 9, 11, 13, 15], fri: [7, 9, 11, 13] }, closed: ['2026-11-26', '2026-11-27'], firstDate: '2026-11-24', days: 29 },
];

const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;
const FIRST = ['Ann', 'Luis', 'Priya', 'Tom', 'Grace', 'Omar', 'Kate', 'Wei', 'Rosa', 'Ben', 'Nadia', 'Sam', 'Ivy', 'Jon', 'Leah', 'Raj', 'Mia', 'Carl', 'Zoe', 'Eli'];
const LAST = ['Carter', 'Nguyen', 'Patel', 'Brooks', 'Silva', 'Khan', 'Moore', 'Chen', 'Diaz', 'Olsen', 'Reyes', 'Ford'];

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'}`;
}

/** Ways to say an hour: digits, words, part of day first, o'clock, a.m./p.m. */
function sayTime(hour: number, variant: number): string {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const pm = hour >= 12;
  const part = hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
  const forms = [
    `at ${h12} ${pm ? 'pm' : 'am'}`,
    `at ${NUMBER_WORDS[h12]} in the ${part}`,
    `${part} ${h12}`,
    `around ${h12} ${pm ? 'p.m.' : 'a.m.'}`,
    `at ${NUMBER_WORDS[h12]} o'clock in the ${part}`,
    `${NUMBER_WORDS[h12]} ${pm ? 'pm' : 'am'}`,
    `in the ${part}, at ${h12}`,
  ];
  return forms[variant % forms.length] as string;
}

/** Ways to say a day: a weekday within the week, "next Tuesday", or the date itself. */
function sayDay(date: string, today: string, variant: number): string {
  const weekday = WEEKDAY[weekdayKeyOf(date)];
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
  const day = Number(date.slice(8, 10));
  const within = date > today && date <= addDays(today, 6);
  if (date === addDays(today, 1) && variant % 3 === 0) return 'tomorrow';
  if (within && variant % 2 === 0) return `this ${weekday}`;
  if (within) return weekday;
  const forms = [`${weekday} ${month} ${ordinal(day)}`, `${month} ${ordinal(day)}`, `the ${ordinal(day)} of ${month}`];
  return forms[variant % forms.length] as string;
}

const OPENINGS: ((svc: string, when: string, name: string) => string)[] = [
  (s, w) => `Hi, I'd like to book ${s} ${w}`,
  (s, w) => `Hello! Could I get ${s} ${w}?`,
  (s, w) => `yeah hi um I need to come in for ${s}, ${w} if possible`,
  (s, w, n) => `This is ${n}, I'm looking to schedule ${s} for ${w}`,
  (s) => `${s} please`,
  () => `I'd like to make an appointment`,
  (s, w) => `do you have anything ${w} for ${s}?`,
  (s, w) => `Good morning, can you fit me in ${w}? It's for ${s}.`,
  (s, w) => `hi there, I was hoping to set up ${s} ${w}`,
  (s, w) => `I need ${s}. ${w} would work for me`,
];

/** The 300+ callers: every practice, every opening, every way of saying a time, and detours. */
export function scriptedCallers(today = '2026-11-23'): ScriptedCaller[] {
  const callers: ScriptedCaller[] = [];
  PRACTICES_LIST.forEach((practice, p) => {
    const slots: { date: string; hour: number }[] = [];
    for (let d = 0; d < practice.days; d++) {
      const date = addDays(practice.firstDate, d);
      if (practice.closed.includes(date)) continue;
      const hours = practice.hours[weekdayKeyOf(date) as keyof PracticeSpec['hours']] ?? [];
      // Dr. Lee is at a conference on December 1st after 1 PM and Dr. Patel does not work Tuesdays: no exam then.
      for (const hour of hours) if (!(p === 0 && date === '2026-12-01' && hour >= 13)) slots.push({ date, hour });
    }
    const count = Math.min(slots.length, 105);
    for (let i = 0; i < count; i++) {
      const slot = slots[i] as { date: string; hour: number };
      const variant = i + p;
      const name = `${FIRST[(i * 7 + p) % FIRST.length]} ${LAST[(i * 5 + p * 3) % LAST.length]}`;
      const service = practice.services[i % practice.services.length] as string;
      const when = `${sayDay(slot.date, today, variant)} ${sayTime(slot.hour, variant)}`;
      const opening = (OPENINGS[i % OPENINGS.length] as (typeof OPENINGS)[number])(service, when, name);
      const detours: string[] = [];
      const kind = i % 6;
      let said = opening;
      if (kind === 1) detours.push(p === 0 ? 'oh, before I forget, do you take insurance?' : 'quick question, is there parking?');
      if (kind === 3) detours.push('sorry, what are your hours again?');
      if (kind === 5 && i % OPENINGS.length < 4) {
        // A correction: they first say another hour, then fix it.
        const wrongHour = slot.hour >= 12 ? slot.hour - 2 : slot.hour + 2;
        said = (OPENINGS[i % OPENINGS.length] as (typeof OPENINGS)[number])(service, `${sayDay(slot.date, today, variant)} ${sayTime(wrongHour, variant + 1)}`, name);
        detours.push(`no wait, I meant ${sayTime(slot.hour, variant + 2)}`);
      }
      callers.push({
        id: `${p}-${i}`,
        practiceNumber: practice.number,
        from: `+1555${String(700_0000 + p * 1000 + i).padStart(7, '0')}`,
        name,
        opening: said,
        detours,
        service,
        when,
        want: { date: slot.date, time: `${String(slot.hour).padStart(2, '0')}:00` },
      });
    }
  });
  return callers;
}
