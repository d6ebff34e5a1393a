import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/main/core/conversation/understanding/index.js';
import { Call, THREE_SLOTS, at, demoTenant, heard, slot, u } from './harness.js';

const TUESDAY = '2026-11-24';
const WEDNESDAY = '2026-11-25';
const ANN = { customer: { id: 'cust-ann', name: 'Ann Lee' } };
/** What is free after a full Wednesday. */
const FRIDAY = [slot('2026-11-27T09:00'), slot('2026-11-27T10:00')];

describe('rules brain: greeting', () => {
  it('greets a new caller with the practice greeting and listens', async () => {
    const call = new Call();
    const r = await call.start();
    expect(heard(r)).toBe('Thanks for calling Bright Smiles Dental. How can I help you today?');
    expect(r.next).toBe('listen');
    expect(r.hints).toEqual(expect.arrayContaining(['Teeth cleaning', 'Dr. Emily Lee']));
  });

  it('greets a returning caller by first name, keeping the greeting text', async () => {
    const call = new Call({ caller: ANN });
    const r = await call.start();
    expect(heard(r)).toBe('Thanks for calling Bright Smiles Dental. Hi Ann! How can I help you today?');
  });
});

describe('rules brain: booking', () => {
  it('books an exact free time: hold, read back, book; a returning caller is not asked for a name', async () => {
    const call = new Call({
      caller: ANN,
      script: {
        'a cleaning tomorrow at 3': u('book', { serviceId: 'cleaning', date: TUESDAY, time: '15:00' }),
        yes: u('yes'),
        "no that's all": u('no'),
      },
    });
    await call.start();
    let r = await call.say('a cleaning tomorrow at 3');
    expect(call.actions.argsOf('check_availability')).toEqual([{ serviceId: 'cleaning', providerId: null, wish: { date: TUESDAY, time: '15:00' } }]);
    expect(call.actions.argsOf('hold_slot')).toEqual([{ serviceId: 'cleaning', providerId: 'maria', start: at(`${TUESDAY}T15:00`) }]);
    expect(heard(r)).toBe('Tuesday, November 24th at 3 PM with Maria Gomez, RDH for a teeth cleaning. Shall I book it?');
    expect(r.summary).toBe('book a teeth cleaning');
    expect(heard(r)).not.toMatch(/name/i);

    r = await call.say('yes');
    expect(call.actions.argsOf('book_appointment')).toEqual([
      { holdId: 'hold-1', customerName: 'Ann Lee', signals: { lowConfidence: false, clarifications: 0, emergency: false } },
    ]);
    expect(heard(r)).toContain("You're all set for your teeth cleaning on Tuesday, November 24th at 3 PM with Maria Gomez, RDH.");
    expect(heard(r)).toContain('Is there anything else I can help with?');
    expect(r.outcome).toBe('booked');

    r = await call.say("no that's all");
    expect(r.next).toBe('hangup');
    expect(heard(r)).toContain('Goodbye');
  });

  it('asks for the service, then the day, offers three options, and a new caller gives a name before the read-back', async () => {
    const call = new Call({
      script: {
        'I want to make an appointment': u('book'),
        'a cleaning': u('unknown', { serviceId: 'cleaning' }),
        'this week': u('unknown', { range: { from: '2026-11-23', to: '2026-11-27' } }),
        'the second one': u('unknown', { choice: 2 }),
        'Bob Smith': u('unknown', { name: 'Bob Smith' }),
        yes: u('yes'),
      },
    });
    await call.start();
    let r = await call.say('I want to make an appointment');
    expect(heard(r)).toBe('What would you like to come in for? For example, a teeth cleaning, a dental exam, a filling, or a teeth whitening consultation.');
    expect(r.summary).toBe('book an appointment');
    r = await call.say('a cleaning');
    expect(heard(r)).toBe('What day works best for you?');
    r = await call.say('this week');
    expect(call.actions.argsOf('check_availability')[0]).toEqual({ serviceId: 'cleaning', providerId: null, wish: { fromDate: '2026-11-23', toDate: '2026-11-27' } });
    expect(heard(r)).toBe('I have tomorrow at 9 AM, tomorrow at 2:30 PM, or Wednesday at 10 AM. Which works best?');
    expect(r.hints).toEqual(expect.arrayContaining(['the second one', '2:30 PM']));

    r = await call.say('the second one');
    expect(call.actions.argsOf('hold_slot')).toEqual([{ serviceId: 'cleaning', providerId: 'maria', start: at(`${TUESDAY}T14:30`) }]);
    expect(heard(r)).toBe('Great. Can I have your name for the appointment, please?');
    r = await call.say('Bob Smith');
    expect(heard(r)).toBe('Thanks, Bob. Tuesday, November 24th at 2:30 PM with Maria Gomez, RDH for a teeth cleaning. Shall I book it?');
    r = await call.say('yes');
    expect(call.actions.argsOf('book_appointment')[0]).toMatchObject({ holdId: 'hold-1', customerName: 'Bob Smith' });
    expect(r.outcome).toBe('booked');
    expect(call.expects).toEqual([null, null, 'date', 'choice', 'name', 'yes_no']);
  });

  it.each([
    ['by time', u('unknown', { time: '14:30' }), `${TUESDAY}T14:30`],
    ['by time on the other half of the clock', u('unknown', { time: '02:30' }), `${TUESDAY}T14:30`],
    ['by day', u('unknown', { date: WEDNESDAY }), `${WEDNESDAY}T10:00`],
    ['by ordinal', u('unknown', { choice: 3 }), `${WEDNESDAY}T10:00`],
    ['by part of day', u('unknown', { partOfDay: 'afternoon' }), `${TUESDAY}T14:30`],
  ])('picks an offered option %s', async (_how, pick, expected) => {
    const call = new Call({ caller: ANN, script: { 'a cleaning this week': u('book', { serviceId: 'cleaning', earliest: true }), pick } });
    await call.start();
    await call.say('a cleaning this week');
    await call.say('pick');
    expect(call.actions.argsOf('hold_slot')).toEqual([{ serviceId: 'cleaning', providerId: 'maria', start: at(expected) }]);
    expect(call.state.pending?.kind).toBe('confirm_slot');
  });

  it('asks which one when a pick matches two options', async () => {
    const call = new Call({ caller: ANN, script: { 'cleaning please': u('book', { serviceId: 'cleaning', earliest: true }), tomorrow: u('unknown', { date: TUESDAY }) } });
    await call.start();
    await call.say('cleaning please');
    const r = await call.say('tomorrow');
    expect(heard(r)).toBe('Which one: tomorrow at 9 AM or tomorrow at 2:30 PM?');
    expect(call.actions.argsOf('hold_slot')).toEqual([]);
    expect(call.state.counters.clarifications).toBe(1);
  });

  it('asks for another day when the caller wants none of the options', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning': u('book', { serviceId: 'cleaning', earliest: true }), 'none of those': u('no') } });
    await call.start();
    await call.say('a cleaning');
    const r = await call.say('none of those');
    expect(heard(r)).toBe('No problem. What other day would work for you?');
    expect(call.state.wish).toMatchObject({ serviceId: 'cleaning', date: null, earliest: false });
  });

  it('says the wished time is not free and offers the nearest ones', async () => {
    const call = new Call({ caller: ANN, script: { 'an exam tomorrow at 3': u('book', { serviceId: 'exam', date: TUESDAY, time: '15:00' }) } });
    call.actions.on('check_availability', { ok: true, data: { slots: [slot(`${TUESDAY}T15:30`, 'dr-lee', 'exam')] } });
    await call.start();
    const r = await call.say('an exam tomorrow at 3');
    expect(heard(r)).toBe("I'm sorry, 3 PM tomorrow isn't available. I have tomorrow at 3:30 PM. Would that work?");
    expect(call.actions.argsOf('hold_slot')).toEqual([]);
  });

  it('tells the caller when a day has nothing and offers the nearest days after it instead of asking again', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning on Wednesday': u('book', { serviceId: 'cleaning', date: WEDNESDAY }) } });
    call.actions.on('check_availability', { ok: true, data: { slots: [] } });
    await call.start();
    const r = await call.say('a cleaning on Wednesday');
    expect(heard(r)).toMatch(/^I'm sorry, I don't have anything open on Wednesday\. I have .* Which works best\?$/);
    expect(call.actions.argsOf('check_availability')[1].wish).toEqual({ fromDate: '2026-11-26' });
  });

  it('offers the nearest times for a full day and, to a caller whose number it knows, the waitlist for that day', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning on Wednesday': u('book', { serviceId: 'cleaning', date: WEDNESDAY }) } });
    call.actions.on('check_availability', { ok: true, data: { slots: [] } }, { ok: true, data: { slots: FRIDAY } });
    await call.start();
    const r = await call.say('a cleaning on Wednesday');
    expect(heard(r)).toBe(
      'I\'m sorry, I don\'t have anything open on Wednesday. On Friday I have 9 AM or 10 AM. Or, if you\'d rather wait for Wednesday, say "waitlist" and we\'ll text you if a time opens up. Which works best?',
    );
    expect(r.hints).toEqual(expect.arrayContaining(['waitlist']));
    expect(call.actions.argsOf('check_availability')[1].wish).toEqual({ fromDate: '2026-11-26' });

    const joined = await call.say('please put me on the waitlist');
    expect(heard(joined)).toBe("Done. You're on the waitlist for Wednesday; we'll text you as soon as a time opens up. Is there anything else I can help with?");
    expect(call.actions.argsOf('join_waitlist')).toEqual([{ serviceId: 'cleaning', providerId: null, fromDate: WEDNESDAY, toDate: WEDNESDAY, customerName: 'Ann Lee' }]);
    expect(joined.outcome).toBe('answered');
    expect(call.actions.argsOf('hold_slot')).toEqual([]);
  });

  it('does not offer the waitlist without the caller\'s number, or when the practice has it switched off', async () => {
    const script = { 'a cleaning on Wednesday': u('book', { serviceId: 'cleaning', date: WEDNESDAY }) };
    for (const call of [
      new Call({ caller: { ...ANN, phone: null }, script }),
      new Call({ caller: ANN, script, tenant: demoTenant((raw) => void (raw.texts = { waitlist: { enabled: false } })) }),
    ]) {
      call.actions.on('check_availability', { ok: true, data: { slots: [] } }, { ok: true, data: { slots: FRIDAY } });
      await call.start();
      const r = await call.say('a cleaning on Wednesday');
      expect(heard(r)).toBe("I'm sorry, I don't have anything open on Wednesday. On Friday I have 9 AM or 10 AM. Which works best?");
      expect(call.state.waitlistDate).toBeNull();
    }
  });

  it('asks outright about the waitlist when nothing is open near a full day either; "yes" joins it, "no" asks for another day', async () => {
    const script = { 'a cleaning on Wednesday': u('book', { serviceId: 'cleaning', date: WEDNESDAY }), yes: u('yes'), no: u('no') };
    const call = new Call({ caller: ANN, script });
    call.actions.on('check_availability', { ok: true, data: { slots: [] } }, { ok: true, data: { slots: [] } });
    await call.start();
    const r = await call.say('a cleaning on Wednesday');
    expect(heard(r)).toBe(
      "I'm sorry, I don't have anything open on Wednesday. I'm sorry, I don't have anything open in the next few weeks. I can put you on the waitlist for Wednesday and text you if a time opens up. Would you like that, or is there another day that works?",
    );
    expect(call.state.pending?.kind).toBe('offer_waitlist');
    expect(heard(await call.silence())).toContain('Shall I text you if something opens up on Wednesday? Please say yes, or tell me another day.');
    expect(heard(await call.say('yes'))).toMatch(/^Done\. You're on the waitlist for Wednesday/);
    expect(call.expects.at(-1)).toBe('yes_no');
    expect(call.actions.argsOf('join_waitlist')[0]).toMatchObject({ serviceId: 'cleaning', fromDate: WEDNESDAY, toDate: WEDNESDAY });

    const declined = new Call({ caller: ANN, script });
    declined.actions.on('check_availability', { ok: true, data: { slots: [] } }, { ok: true, data: { slots: [] } });
    await declined.start();
    await declined.say('a cleaning on Wednesday');
    expect(heard(await declined.say('no'))).toBe('What other day would work for you?');
    expect(declined.state.waitlistDate).toBeNull();
    expect(declined.actions.argsOf('join_waitlist')).toEqual([]);
  });

  it('uses the only provider of a service, and says when a named provider does not offer it', async () => {
    const call = new Call({ caller: ANN, script: { 'whitening with Dr. Lee tomorrow': u('book', { serviceId: 'whitening', providerId: 'dr-lee', date: TUESDAY }) } });
    await call.start();
    const r = await call.say('whitening with Dr. Lee tomorrow');
    expect(heard(r)).toContain("Dr. Emily Lee doesn't do teeth whitening consultations, so I'll check with Dr. Raj Patel.");
    expect(call.actions.argsOf('check_availability')[0]).toMatchObject({ serviceId: 'whitening', providerId: 'dr-patel' });
  });

  it('words a booking that needs review as pencilled in', async () => {
    const call = new Call({ caller: ANN, script: { 'whitening tomorrow at 3': u('book', { serviceId: 'whitening', date: TUESDAY, time: '15:00' }), yes: u('yes') } });
    call.actions.on('book_appointment', { ok: true, data: { bookingId: 'b-9', status: 'pending_review', reviewReasons: ['service requires review'], spoken: '' } });
    await call.start();
    await call.say('whitening tomorrow at 3');
    const r = await call.say('yes');
    expect(heard(r)).toContain("I've pencilled you in for your teeth whitening consultation on Tuesday, November 24th at 3 PM with Dr. Raj Patel. The front desk will confirm by text shortly.");
    expect(heard(r)).not.toContain('all set');
    expect(r.outcome).toBe('booked');
  });

  it('a correction at the read-back changes only that part of the wish and checks again', async () => {
    const call = new Call({
      caller: ANN,
      script: { 'a cleaning tomorrow at 3': u('book', { serviceId: 'cleaning', date: TUESDAY, time: '15:00' }), 'no, Wednesday instead': u('correction', { date: WEDNESDAY }) },
    });
    await call.start();
    await call.say('a cleaning tomorrow at 3');
    const r = await call.say('no, Wednesday instead');
    expect(call.actions.argsOf('check_availability')[1]).toEqual({ serviceId: 'cleaning', providerId: null, wish: { date: WEDNESDAY, time: '15:00' }, releaseHoldId: 'hold-1' });
    expect(call.actions.argsOf('hold_slot')[1]).toMatchObject({ start: at(`${WEDNESDAY}T15:00`) });
    expect(heard(r)).toBe('Wednesday, November 25th at 3 PM with Maria Gomez, RDH for a teeth cleaning. Shall I book it?');
    expect(call.state.hold?.holdId).toBe('hold-2');
  });

  it('a new time at the read-back keeps the day of the held slot', async () => {
    const call = new Call({ caller: ANN, script: { 'earliest cleaning': u('book', { serviceId: 'cleaning', earliest: true }), first: u('unknown', { choice: 1 }), 'make it 11': u('correction', { time: '11:00' }) } });
    await call.start();
    await call.say('earliest cleaning');
    await call.say('first');
    await call.say('make it 11');
    expect(call.actions.argsOf('check_availability')[1].wish).toEqual({ date: TUESDAY, time: '11:00' });
  });

  it('a plain no at the read-back offers the other options', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning': u('book', { serviceId: 'cleaning', earliest: true }), first: u('unknown', { choice: 1 }), no: u('no') } });
    await call.start();
    await call.say('a cleaning');
    await call.say('first');
    const r = await call.say('no');
    expect(heard(r)).toBe('No problem. I have tomorrow at 2:30 PM or Wednesday at 10 AM. Which works best?');
    expect(call.actions.argsOf('book_appointment')).toEqual([]);
  });

  it('recovers from a hold conflict: says the time was taken and offers what is free now', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning': u('book', { serviceId: 'cleaning', earliest: true }), 'the first': u('unknown', { choice: 1 }) } });
    call.actions.on('hold_slot', { ok: false, code: 'conflict', say: 'Sorry, that time was just taken.' });
    call.actions.on('check_availability', { ok: true, data: { slots: THREE_SLOTS } }, { ok: true, data: { slots: THREE_SLOTS.slice(1) } });
    await call.start();
    await call.say('a cleaning');
    const r = await call.say('the first');
    expect(heard(r)).toBe('Sorry, that time was just taken. I have tomorrow at 2:30 PM or Wednesday at 10 AM. Which works best?');
    expect(call.actions.names().filter((n) => n === 'hold_slot')).toHaveLength(1);
    expect(call.state.pending?.kind).toBe('pick_slot');
  });

  it('recovers when the slot is taken at booking time', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning tomorrow at 3': u('book', { serviceId: 'cleaning', date: TUESDAY, time: '15:00' }), yes: u('yes') } });
    call.actions.on('book_appointment', { ok: false, code: 'conflict', say: 'Sorry, that time was just taken.' });
    call.actions.on('check_availability', { ok: true, data: { slots: [slot(`${TUESDAY}T15:00`)] } }, { ok: true, data: { slots: [slot(`${TUESDAY}T16:00`)] } });
    await call.start();
    await call.say('a cleaning tomorrow at 3');
    const r = await call.say('yes');
    expect(heard(r)).toBe('Sorry, that time was just taken. I have tomorrow at 4 PM. Would that work?');
    expect(r.outcome).toBeUndefined();
  });

  it('re-asks a low-confidence yes at the read-back and flags the booking for review', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning tomorrow at 3': u('book', { serviceId: 'cleaning', date: TUESDAY, time: '15:00' }), yes: u('yes') } });
    await call.start();
    await call.say('a cleaning tomorrow at 3');
    let r = await call.say('yes', 0.3);
    expect(heard(r)).toBe('Sorry, I want to be sure I heard you right. Shall I book a teeth cleaning on Tuesday, November 24th at 3 PM for you? Please say yes or no, or press 1 for yes and 2 for no.');
    expect(call.actions.argsOf('book_appointment')).toEqual([]);
    r = await call.say('yes', 0.95);
    expect(call.actions.argsOf('book_appointment')[0].signals).toEqual({ lowConfidence: true, clarifications: 1, emergency: false });
    expect(r.outcome).toBe('booked');
  });

  it('confirms a low-confidence name before using it', async () => {
    const call = new Call({ script: { 'a cleaning tomorrow at 3': u('book', { serviceId: 'cleaning', date: TUESDAY, time: '15:00' }), 'Bob Smith': u('unknown', { name: 'Bob Smith' }), yes: u('yes') } });
    await call.start();
    await call.say('a cleaning tomorrow at 3');
    let r = await call.say('Bob Smith', 0.2);
    expect(heard(r)).toBe('Just to check, did you say Bob Smith?');
    r = await call.say('yes');
    expect(heard(r)).toContain('Thanks, Bob. Tuesday, November 24th at 3 PM');
    expect(call.state.name).toBe('Bob Smith');
  });

  it('takes a bare answer to the name question as the name, and goes on without one after two misses', async () => {
    const call = new Call({ script: { 'cleaning tomorrow at 3': u('book', { serviceId: 'cleaning', date: TUESDAY, time: '15:00' }) } });
    await call.start();
    await call.say('cleaning tomorrow at 3');
    let r = await call.say('Carla Diaz');
    expect(heard(r)).toContain('Thanks, Carla.');

    const other = new Call({ script: { 'cleaning tomorrow at 3': u('book', { serviceId: 'cleaning', date: TUESDAY, time: '15:00' }) } });
    await other.start();
    await other.say('cleaning tomorrow at 3');
    r = await other.say('what do you mean by that exactly');
    expect(heard(r)).toBe("Sorry, I didn't catch your name. What name should I put the appointment under?");
    r = await other.say('hmm well I would rather not say it');
    expect(heard(r)).toContain('Shall I book it?');
    expect(other.state.nameSkipped).toBe(true);
  });

  it('uses a name the caller gives up front instead of asking', async () => {
    const call = new Call({ script: { "hi this is Dana, I'd like an exam tomorrow at 3": u('book', { name: 'Dana Wu', serviceId: 'exam', date: TUESDAY, time: '15:00' }), yes: u('yes') } });
    await call.start();
    const r = await call.say("hi this is Dana, I'd like an exam tomorrow at 3");
    expect(heard(r)).toMatch(/^Tuesday, November 24th at 3 PM with .* for a dental exam\. Shall I book it\?$/);
    await call.say('yes');
    expect(call.actions.argsOf('book_appointment')[0].customerName).toBe('Dana Wu');
  });

  it('answers an aside mid-booking and asks the pending question again', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning': u('book', { serviceId: 'cleaning' }), 'where are you': u('location') } });
    await call.start();
    await call.say('a cleaning');
    const r = await call.say('where are you');
    expect(heard(r)).toBe("We're at 120 Main Street, Suite 4, Springfield. What day would you like to come in? You can say a day, like Tuesday, or ask for the earliest time.");
    expect(call.state.pending?.kind).toBe('when');
    expect(r.summary).toBe('book a teeth cleaning');
  });
});

describe('rules brain: what the caller rules out', () => {
  const rejected = (r: { date?: string; time?: string; providerId?: string }) => ({ date: null, time: null, providerId: null, serviceId: null, ...r });

  it('"not tomorrow" among the options offers the ones left, without searching again', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning': u('book', { serviceId: 'cleaning', earliest: true }), 'not tomorrow': u('no', { rejected: rejected({ date: TUESDAY }) }) } });
    await call.start();
    await call.say('a cleaning');
    const r = await call.say('not tomorrow');
    expect(heard(r)).toBe('No problem. I have Wednesday at 10 AM. Would that work?');
    expect(call.actions.argsOf('check_availability')).toHaveLength(1);
    expect(call.optionCounts).toEqual([null, 3]);
  });

  it('"I can\'t make it tomorrow" at the read-back searches from the day after, keeping the time', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning tomorrow at 3': u('book', { serviceId: 'cleaning', date: TUESDAY, time: '15:00' }), "I can't make it tomorrow": u('no', { rejected: rejected({ date: TUESDAY }) }) } });
    await call.start();
    await call.say('a cleaning tomorrow at 3');
    await call.say("I can't make it tomorrow");
    expect(call.actions.argsOf('check_availability')[1]).toEqual({ serviceId: 'cleaning', providerId: null, wish: { time: '15:00', fromDate: WEDNESDAY }, releaseHoldId: 'hold-1' });
    expect(call.state.hold).toBeNull();
  });

  it('"not with Maria" looks with the other provider of the service', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning tomorrow at 3': u('book', { serviceId: 'cleaning', date: TUESDAY, time: '15:00' }), 'not with Maria': u('no', { rejected: rejected({ providerId: 'maria' }) }) } });
    await call.start();
    await call.say('a cleaning tomorrow at 3');
    const r = await call.say('not with Maria');
    expect(call.actions.argsOf('check_availability')[1]).toEqual({ serviceId: 'cleaning', providerId: 'dr-lee', wish: { date: TUESDAY, time: '15:00' }, releaseHoldId: 'hold-1' });
    expect(heard(r)).toContain('with Dr. Emily Lee for a teeth cleaning. Shall I book it?');
  });
});

describe('rules brain: requests said again', () => {
  it('"book it" at the read-back is a yes', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning tomorrow at 3': u('book', { serviceId: 'cleaning', date: TUESDAY, time: '15:00' }), 'great, book it': u('book') } });
    await call.start();
    await call.say('a cleaning tomorrow at 3');
    const r = await call.say('great, book it');
    expect(r.outcome).toBe('booked');
    expect(call.actions.argsOf('check_availability')).toHaveLength(1);
  });

  it('asking to book again mid-booking keeps the wish so far', async () => {
    const call = new Call({ caller: ANN, script: { 'a cleaning': u('book', { serviceId: 'cleaning' }), 'I just want to book an appointment': u('book') } });
    await call.start();
    await call.say('a cleaning');
    const r = await call.say('I just want to book an appointment');
    expect(heard(r)).toBe('What day works best for you?');
    expect(call.state.wish.serviceId).toBe('cleaning');
  });
});

describe('rules brain: a correction while we ask for the name', () => {
  it('changes the booking instead of taking it as a bad name', async () => {
    const call = new Call({ script: { 'an exam tomorrow at 3': u('book', { serviceId: 'exam', date: TUESDAY, time: '15:00' }), 'no, Wednesday instead': u('correction', { date: WEDNESDAY }) } });
    await call.start();
    await call.say('an exam tomorrow at 3');
    const r = await call.say('no, Wednesday instead');
    expect(call.actions.argsOf('check_availability')[1]).toEqual({ serviceId: 'exam', providerId: null, wish: { date: WEDNESDAY, time: '15:00' }, releaseHoldId: 'hold-1' });
    expect(heard(r)).toBe('Great. Can I have your name for the appointment, please?');
    expect(call.state.hold?.slot.start).toBe(at(`${WEDNESDAY}T15:00`));
  });
});

describe('rules brain: the waitlist in Spanish', () => {
  const tenant = demoTenant((raw) => {
    raw.languages = ['es', 'en'];
    raw.services = raw.services.map((s) => (s.id === 'cleaning' ? { ...s, names: { es: 'Limpieza dental' }, aliases: [...(s.aliases ?? []), 'limpieza'] } : s));
  });

  it('offers the full day\'s waitlist in Spanish, and "lista de espera" joins it', async () => {
    const call = new Call({ tenant, caller: ANN, understand: (text, ctx) => understand(text, ctx) });
    call.actions.on('check_availability', { ok: true, data: { slots: [] } }, { ok: true, data: { slots: FRIDAY } });
    await call.start();
    const r = await call.say('Quisiera una limpieza el miércoles');
    expect(heard(r)).toMatch(/^Lo siento, no tengo nada disponible el miércoles\. Para el viernes tengo .* O, si prefiere esperar a que se libere algo para el miércoles, diga "lista de espera" y le avisamos por mensaje de texto\. ¿Cuál le queda mejor\?$/);
    expect(r.hints).toEqual(expect.arrayContaining(['lista de espera']));

    const joined = await call.say('Sí, anóteme en la lista de espera, por favor');
    expect(heard(joined)).toBe('Listo. Quedó en la lista de espera para el miércoles; le avisaremos por mensaje de texto en cuanto se libere un horario. ¿Hay algo más en lo que le pueda ayudar?');
    expect(call.actions.argsOf('join_waitlist')).toEqual([{ serviceId: 'cleaning', providerId: null, fromDate: WEDNESDAY, toDate: WEDNESDAY, customerName: 'Ann Lee' }]);
  });

  it('asks outright when nothing is open near the full day either, and "avíseme si se libera algo" joins', async () => {
    const call = new Call({ tenant, caller: ANN, understand: (text, ctx) => understand(text, ctx) });
    call.actions.on('check_availability', { ok: true, data: { slots: [] } }, { ok: true, data: { slots: [] } });
    await call.start();
    expect(heard(await call.say('Quisiera una limpieza el miércoles'))).toMatch(/Puedo anotarle en la lista de espera para el miércoles y avisarle por mensaje de texto si se libera un horario\. ¿Le gustaría, o prefiere otro día\?$/);
    expect(heard(await call.say('Avíseme si se libera algo'))).toMatch(/^Listo\. Quedó en la lista de espera para el miércoles/);
  });
});
