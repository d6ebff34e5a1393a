/**
 * The wording of every text Frontdesk sends, keyed by id, with built-in English and Spanish
 * versions. A practice can override any of them (per language) in its practice file; the console's
 * Settings preview renders with the same function the appliance sends with, so what staff see is
 * what patients get.
 */

export const TEXT_LANGUAGES = ['en', 'es'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

export const TEXT_TEMPLATE_IDS = [
  'confirmation',
  'moved',
  'cancelled',
  'reviewRejected',
  'reminder',
  'reminderConfirmed',
  'rescheduleOffer',
  'rescheduleNone',
  'slotGone',
  'waitlistOffer',
  'waitlistTaken',
  'waitlistJoined',
  'missedCall',
  'help',
  'received',
] as const;
export type TextTemplateId = (typeof TEXT_TEMPLATE_IDS)[number];

export const TEXT_PLACEHOLDERS = ['practice', 'name', 'service', 'provider', 'date', 'time', 'phone', 'options'] as const;
export type TextPlaceholder = (typeof TEXT_PLACEHOLDERS)[number];
export type TextValues = Partial<Record<TextPlaceholder, string>>;

/** What each text is for, shown next to it in Settings. */
export const TEXT_TEMPLATE_LABELS: Record<TextTemplateId, string> = {
  confirmation: 'Booking confirmed',
  moved: 'Booking moved',
  cancelled: 'Booking cancelled',
  reviewRejected: 'Staff could not confirm a booking',
  reminder: 'Reminder before the visit',
  reminderConfirmed: 'Patient confirmed by reply',
  rescheduleOffer: 'Two times offered for a move',
  rescheduleNone: 'No free time near the asked day',
  slotGone: 'A picked time was just taken',
  waitlistOffer: 'Waitlist: an opening offered',
  waitlistTaken: 'Waitlist: the opening was taken',
  waitlistJoined: 'Waitlist: added to the list',
  missedCall: 'Missed-call text-back',
  help: 'Reply to HELP',
  received: 'Message passed to staff',
};

export const DEFAULT_TEXT_TEMPLATES: Record<TextLanguage, Record<TextTemplateId, string>> = {
  en: {
    confirmation: '{practice}: your {service} on {date} at {time} is confirmed. See you then!',
    moved: '{practice}: your {service} has moved to {date} at {time} with {provider}.',
    cancelled: '{practice}: your {service} on {date} at {time} is cancelled. Text or call us at {phone} to book again.',
    reviewRejected: "{practice}: sorry, we couldn't confirm your {service} on {date} at {time}. Please call us at {phone} to find another time.",
    reminder: '{practice}: a reminder of your {service} on {date} at {time} with {provider}. Reply YES to confirm, or tell us if you need to cancel or change the time.',
    reminderConfirmed: "{practice}: thanks, you're confirmed for {date} at {time}. See you then!",
    rescheduleOffer: '{practice}: we can do {options}. Reply 1 or 2 to pick one.',
    rescheduleNone: '{practice}: sorry, we have no free time near then. Reply with another day or time, or call us at {phone}.',
    slotGone: '{practice}: sorry, that time was just taken. Reply with another day or time, or call us at {phone}.',
    waitlistOffer: '{practice}: a {service} opened up on {date} at {time} with {provider}. Reply YES to take it. First to reply gets it.',
    waitlistTaken: "{practice}: sorry, the opening on {date} at {time} was just taken. You're still on our waitlist.",
    waitlistJoined: "{practice}: you're on our waitlist for a {service}. We'll text you when a time opens up.",
    missedCall: '{practice}: sorry we missed you. Reply to this text to book or ask a question, or call us back at {phone}.',
    help: '{practice}: reply YES to confirm your appointment, CANCEL to cancel it, or a day and time to move it. Call {phone} for anything else. Reply STOP to stop texts.',
    received: '{practice}: thanks, we got your message. Someone from our team will get back to you.',
  },
  es: {
    confirmation: '{practice}: su cita de {service} el {date} a las {time} está confirmada. ¡Hasta pronto!',
    moved: '{practice}: su cita de {service} se cambió al {date} a las {time} con {provider}.',
    cancelled: '{practice}: su cita de {service} del {date} a las {time} está cancelada. Escríbanos o llame al {phone} para reservar otra.',
    reviewRejected: '{practice}: lo sentimos, no pudimos confirmar su cita de {service} del {date} a las {time}. Llámenos al {phone} para buscar otra hora.',
    reminder: '{practice}: le recordamos su cita de {service} el {date} a las {time} con {provider}. Responda SÍ para confirmar, o díganos si necesita cancelar o cambiar la hora.',
    reminderConfirmed: '{practice}: gracias, su cita del {date} a las {time} está confirmada. ¡Hasta pronto!',
    rescheduleOffer: '{practice}: tenemos {options}. Responda 1 o 2 para elegir.',
    rescheduleNone: '{practice}: lo sentimos, no tenemos horas libres cerca de esa fecha. Responda con otro día u hora, o llame al {phone}.',
    slotGone: '{practice}: lo sentimos, esa hora se acaba de ocupar. Responda con otro día u hora, o llame al {phone}.',
    waitlistOffer: '{practice}: se liberó una cita de {service} el {date} a las {time} con {provider}. Responda SÍ para tomarla. Es para quien responda primero.',
    waitlistTaken: '{practice}: lo sentimos, la cita del {date} a las {time} ya se ocupó. Sigue en nuestra lista de espera.',
    waitlistJoined: '{practice}: está en nuestra lista de espera para {service}. Le escribiremos cuando se libere una hora.',
    missedCall: '{practice}: lamentamos no haber contestado. Responda a este mensaje para reservar o preguntar, o llámenos al {phone}.',
    help: '{practice}: responda SÍ para confirmar su cita, CANCELAR para cancelarla, o un día y hora para cambiarla. Llame al {phone} para otra cosa. Responda STOP para no recibir mensajes.',
    received: '{practice}: gracias, recibimos su mensaje. Alguien de nuestro equipo le responderá.',
  },
};

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Placeholders a template names that do not exist (a typo would otherwise reach patients verbatim). */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(TEXT_PLACEHOLDERS);
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !known.has(name));
}

/** The practice's number as a patient reads it in a text: `+15555550123` → `+1 (555) 555-0123` (other countries as stored). */
export function textPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 (${nanp[1]}) ${nanp[2]}-${nanp[3]}` : e164;
}

/** Fills `{placeholder}`s; a value that is missing renders as empty text, tidied of doubled spaces. */
export function renderTextTemplate(template: string, values: TextValues): string {
  return template
    .replace(PLACEHOLDER, (whole, name: string) => ((TEXT_PLACEHOLDERS as readonly string[]).includes(name) ? (values[name as TextPlaceholder] ?? '') : whole))
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,!?])/g, '$1')
    .trim();
}

/** The practice's wording for one text in one language: its own override, else the built-in one. */
export function textTemplate(overrides: Partial<Record<TextLanguage, Partial<Record<TextTemplateId, string>>>>, language: TextLanguage, id: TextTemplateId): string {
  return overrides[language]?.[id] ?? DEFAULT_TEXT_TEMPLATES[language][id];
}

/** Sample values for the Settings preview. */
export const PREVIEW_VALUES: TextValues = {
  name: 'Ann Lee',
  service: 'teeth cleaning',
  provider: 'Dr. Emily Lee',
  date: 'Tuesday, November 24',
  time: '9:00 AM',
  options: '1) Thursday, November 26 at 2:00 PM or 2) Thursday, November 26 at 3:30 PM',
};
