import type { TenantConfigInput } from '../../../src/shared/contract/index.js';

/** A hair salon on the West Coast: other services, stylists, Saturday hours, a holiday with a reason. */
export const SALON: TenantConfigInput = {
  id: 'shear-joy',
  name: 'Shear Joy Salon',
  timezone: 'America/Los_Angeles',
  country: 'US',
  locale: 'en-US',
  address: '88 Ocean Avenue, Santa Monica',
  phoneNumbers: ['+15555550300'],
  transferNumber: '+15555550301',
  greeting: 'Thank you for calling Shear Joy Salon. What can I do for you?',
  languages: ['en', 'es'],
  hours: { mon: [], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['11:00', '20:00']], fri: [['09:00', '18:00']], sat: [['08:00', '16:00']], sun: [] },
  closures: [{ date: '2026-11-26', reason: 'Thanksgiving' }],
  specialHours: [{ date: '2026-11-27', hours: [['10:00', '14:00']], reason: 'Black Friday' }],
  booking: { slotStepMinutes: 15, minNoticeMinutes: 60, maxAdvanceDays: 45, holdMinutes: 5 },
  providers: [
    { id: 'jules', name: 'Jules', aliases: ['Julie', 'Jewels'] },
    { id: 'marco', name: 'Marco', aliases: ['Mark'] },
  ],
  services: [
    { id: 'haircut', name: 'Haircut', aliases: ['cut', 'trim', 'hair cut', 'corte', 'corte de pelo'], names: { es: 'corte de pelo' }, durationMinutes: 45, providerIds: ['jules', 'marco'] },
    { id: 'color', name: 'Hair color', aliases: ['color', 'coloring', 'dye', 'highlights', 'tinte'], names: { es: 'tinte' }, durationMinutes: 90, providerIds: ['jules'] },
    { id: 'blowout', name: 'Blowout', aliases: ['blow dry', 'blowdry', 'peinado'], names: { es: 'peinado' }, durationMinutes: 30, providerIds: ['marco'] },
  ],
  faq: [
    { question: 'Is there parking?', answer: 'There is a public garage right next door, and the first hour is free.', keywords: ['parking', 'park', 'garage'] },
    { question: 'Do you take walk-ins?', answer: 'We take walk-ins when a chair is free, but booking ahead is best.', keywords: ['walk in', 'walk-ins', 'walk ins'] },
  ],
};

/** An auto repair shop in the Midwest: one technician per service, early hours. */
export const GARAGE: TenantConfigInput = {
  id: 'lakeside-auto',
  name: 'Lakeside Auto Repair',
  timezone: 'America/Chicago',
  country: 'US',
  locale: 'en-US',
  address: '1200 Lake Street, Evanston',
  phoneNumbers: ['+15555550400'],
  transferNumber: null,
  greeting: 'Lakeside Auto Repair, how can I help?',
  hours: { mon: [['07:00', '17:00']], tue: [['07:00', '17:00']], wed: [['07:00', '17:00']], thu: [['07:00', '17:00']], fri: [['07:00', '15:00']], sat: [], sun: [] },
  closures: [{ date: '2026-11-26', reason: 'Thanksgiving' }, { date: '2026-11-27', reason: 'the day after Thanksgiving' }],
  booking: { slotStepMinutes: 30, minNoticeMinutes: 120, maxAdvanceDays: 30, holdMinutes: 5 },
  providers: [
    { id: 'dan', name: 'Dan', aliases: ['Danny'] },
    { id: 'rosa', name: 'Rosa', aliases: [] },
  ],
  services: [
    { id: 'oil', name: 'Oil change', aliases: ['oil', 'oil and filter', 'lube'], durationMinutes: 30, providerIds: ['dan', 'rosa'] },
    { id: 'brakes', name: 'Brake inspection', aliases: ['brakes', 'brake check', 'brake job'], durationMinutes: 60, providerIds: ['rosa'] },
    { id: 'tires', name: 'Tire rotation', aliases: ['tires', 'tire rotation', 'rotate my tires'], durationMinutes: 45, providerIds: ['dan'] },
  ],
  faq: [
    { question: 'Do you do loaner cars?', answer: 'We have two loaner cars; ask when you book and we will hold one if it is free.', keywords: ['loaner', 'rental', 'courtesy car'] },
    { question: 'Where are you located?', answer: "We're at 1200 Lake Street in Evanston, with customer parking in front.", keywords: ['located', 'address', 'parking', 'directions'] },
  ],
};
