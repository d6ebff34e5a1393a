import type { TenantConfig, Weekday } from '../../../shared/contract/tenant.js';
import type { Path } from './settings-draft.js';

const WEEKDAY: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

const FIELDS: Record<string, string> = {
  name: 'Name',
  id: 'Id',
  address: 'Address',
  timezone: 'Time zone',
  country: 'Country',
  locale: 'Language',
  phoneNumbers: 'Phone numbers',
  transferNumber: 'Transfer number',
  greeting: 'Greeting',
  aliases: 'Other names',
  durationMinutes: 'Duration',
  bufferBeforeMinutes: 'Buffer before',
  bufferAfterMinutes: 'Buffer after',
  providerIds: 'Providers',
  requiresReview: 'Requires review',
  slotStepMinutes: 'Slot step',
  minNoticeMinutes: 'Minimum notice',
  maxAdvanceDays: 'Booking window',
  holdMinutes: 'Hold time',
  all: 'Review every booking',
  newCustomers: 'Review new customers',
  minConfidence: 'Minimum confidence',
  emergencyKeywords: 'Emergency words',
  question: 'Question',
  answer: 'Answer',
  keywords: 'Keywords',
  date: 'Date',
  from: 'From',
  to: 'To',
  reason: 'Reason',
  hours: 'Hours',
  timeOff: 'Time off',
  reminderHoursBefore: 'Reminder hours',
  hoursBefore: 'Reminder hours',
  quietHours: 'Quiet hours',
  templates: 'Wording',
};

/** "services[2].durationMinutes" → ["services", 2, "durationMinutes"] */
export function parsePath(text: string): Path {
  const out: (string | number)[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[1] !== undefined) out.push(match[1]);
  }
  return out;
}

/** Where a problem is, in the words of the page: "Service “Filling” › Duration", "Weekly hours › Monday, hours 2". */
export function describePath(path: Path, draft: Pick<TenantConfig, 'services' | 'providers'> | null): string {
  const [head, ...rest] = path;
  const field = (key: string | number | undefined) => (typeof key === 'string' ? (FIELDS[key] ?? key) : key === undefined ? '' : `item ${key + 1}`);
  const hours = (segments: readonly (string | number)[]) => {
    const [day, index] = segments;
    const name = typeof day === 'string' ? (WEEKDAY[day as Weekday] ?? day) : '';
    return typeof index === 'number' ? `${name}, hours ${index + 1}` : name;
  };
  switch (head) {
    case undefined:
      return 'Settings';
    case 'hours':
      return rest.length ? `Weekly hours › ${hours(rest)}` : 'Weekly hours';
    case 'booking':
      return `Booking policy › ${field(rest[0])}`;
    case 'review':
      return `Review policy › ${field(rest[0])}`;
    case 'texts':
      return `Texts › ${rest.map((r) => field(r)).join(' › ')}`;
    case 'brain':
      return 'Receptionist › Who answers';
    case 'llm':
      return `Receptionist › ${rest[0] === 'model' ? 'Model' : rest[0] === 'instructions' ? 'Extra instructions' : field(rest[0])}`;
    case 'closures':
    case 'specialHours':
    case 'faq': {
      const section = head === 'closures' ? 'Closure' : head === 'faq' ? 'Question' : 'Special hours';
      const [index, key, ...more] = rest;
      if (typeof index !== 'number') return section;
      const where = `${section} ${index + 1}`;
      if (key === 'hours') return `${where} › Hours${typeof more[0] === 'number' ? ` ${more[0] + 1}` : ''}`;
      return key === undefined ? where : `${where} › ${field(key)}`;
    }
    case 'services':
    case 'providers': {
      const [index, key, ...more] = rest;
      const noun = head === 'services' ? 'Service' : 'Provider';
      if (typeof index !== 'number') return head === 'services' ? 'Services' : 'Providers';
      const item = (head === 'services' ? draft?.services : draft?.providers)?.[index];
      const where = item?.name ? `${noun} “${item.name}”` : `${noun} ${index + 1}`;
      if (key === undefined) return where;
      if (key === 'hours' && more.length) return `${where} › ${hours(more)}`;
      if (key === 'timeOff' && typeof more[0] === 'number') return `${where} › Time off ${more[0] + 1}${more[1] ? ` › ${field(more[1])}` : ''}`;
      return `${where} › ${field(key)}`;
    }
    default:
      return field(head);
  }
}

export interface SectionRef {
  id: string;
  title: string;
  /** The top-level keys whose problems this section shows. */
  keys: readonly string[];
}

export const SETTINGS_SECTIONS: readonly SectionRef[] = [
  { id: 'settings-practice', title: 'Practice', keys: ['name', 'address', 'timezone', 'country', 'locale', 'phoneNumbers', 'transferNumber', 'greeting', 'id', '$schema'] },
  { id: 'settings-hours', title: 'Weekly hours', keys: ['hours'] },
  { id: 'settings-closures', title: 'Closures', keys: ['closures'] },
  { id: 'settings-special-hours', title: 'Special hours', keys: ['specialHours'] },
  { id: 'settings-services', title: 'Services', keys: ['services'] },
  { id: 'settings-providers', title: 'Providers', keys: ['providers'] },
  { id: 'settings-booking', title: 'Booking policy', keys: ['booking'] },
  { id: 'settings-review', title: 'Review policy', keys: ['review'] },
  { id: 'settings-faq', title: 'Questions & answers', keys: ['faq'] },
  { id: 'settings-texts', title: 'Texts', keys: ['texts'] },
  { id: 'settings-voice', title: 'Voice', keys: ['voice'] },
  { id: 'settings-receptionist', title: 'Receptionist', keys: ['brain', 'llm'] },
];

/** Which section a problem at `path` belongs to. */
export function sectionOf(path: Path): SectionRef | undefined {
  const head = path[0];
  return SETTINGS_SECTIONS.find((s) => typeof head === 'string' && s.keys.includes(head));
}
