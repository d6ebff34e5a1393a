import { afterEach, describe, expect, it } from 'vitest';
import { startCallHarness, type CallHarness } from '../support/call-harness.js';
import { GARAGE } from '../support/callers/practices.js';

// Each failure class the rules receptionist had, tried with phrasings written for these tests
// (not the sentences), through the real call path. Now: Monday, November 23rd 2026, 9 AM.

let h: CallHarness;
afterEach(async () => h?.stop());

const T = 'bright-smiles';
const said = (call: { heard(): string[] }) => call.heard().join(' ');

async function callRecord(callSid: string) {
  const calls = await h.run<any[]>('calls/list-recent', { tenantId: T });
  return calls.find((c) => c.callSid === callSid);
}

describe('the caller\'s own hold never blocks them', () => {
  it('a booking corrected to a time overlapping the held one is read back, not refused', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550201', ['could I get a filling with Dr. Patel on Wednesday at 9 am', 'Omar Khan']);
    expect(said(call)).toMatch(/Wednesday, November 25th at 9 AM with Dr\. Raj Patel for a filling\. Shall I book it\?/);
    await call.say('hmm, actually can we make it 9:30', { confidence: 0.92 });
    expect(said(call)).toMatch(/Wednesday, November 25th at 9:30 AM with Dr\. Raj Patel for a filling\. Shall I book it\?/);
    await call.say('yep', { confidence: 0.92 });
    expect(await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed', 'held'] })).toMatchObject([{ status: 'confirmed', start: '2026-11-25T09:30:00-05:00' }]);
  });

  it('an appointment moved by half an hour into its own time is moved', async () => {
    h = await startCallHarness();
    await h.converse('+15555550202', ['a cleaning with Maria on Wednesday at 10 am please', 'Grace Silva', 'yes', 'no thanks']);
    const move = await h.converse('+15555550202', ['can you push my appointment to 10:30 on Wednesday']);
    expect(said(move)).toMatch(/I'll move your teeth cleaning from Wednesday, November 25th at 10 AM to Wednesday, November 25th at 10:30 AM with Maria Gomez, RDH\. Is that right\?/);
    await move.say('that works', { confidence: 0.92 });
    expect(said(move)).toMatch(/Your teeth cleaning is now on Wednesday, November 25th at 10:30 AM/);
  });
});

describe('the day said for an existing appointment is checked', () => {
  it('a cancel of "my Friday appointment" when it is on Wednesday says so and waits for the caller', async () => {
    h = await startCallHarness();
    await h.converse('+15555550203', ['a cleaning on Wednesday at 10 am', 'Ben Ford', 'yes', 'no thanks']);
    const call = await h.converse('+15555550203', ['I need to call off my Friday appointment']);
    expect(said(call)).toMatch(/I don't see an appointment on Friday, but I do see your teeth cleaning on Wednesday, November 25th at 10 AM with .*\. Is that the one you mean\?/);
    expect(await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed'] })).toHaveLength(1);
    await call.say('oh yes that one', { confidence: 0.92 });
    expect(said(call)).toMatch(/Do you want to cancel it\?/);
    await call.say('yes', { confidence: 0.92 });
    expect(said(call)).toMatch(/is cancelled/);
  });

  it('a move of "the appointment on Thursday" to Monday checks the day and keeps the new one', async () => {
    h = await startCallHarness();
    await h.converse('+15555550204', ['an exam on Tuesday at 10 am', 'Leah Moore', 'yes', 'no thanks']);
    const call = await h.converse('+15555550204', ['can I move my appointment on Thursday to next Monday at 11 am']);
    expect(said(call)).toMatch(/I don't see an appointment on Thursday, but I do see your dental exam on Tuesday, November 24th at 10 AM/);
    await call.say('yes', { confidence: 0.92 });
    expect(said(call)).toMatch(/to Monday, November 30th at 11 AM/);
  });
});

describe('questions get the practice\'s own answers', () => {
  it('two questions in one breath (where, and parking) are both answered from the FAQ', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550205', ["what's the address there, and is there somewhere I can park?"]);
    expect(said(call)).toMatch(/120 Main Street, Suite 4, in Springfield, with free parking behind the building/);
  });

  it('a practice without that FAQ answers each question it can', async () => {
    h = await startCallHarness();
    await h.run('tenants/save', { config: GARAGE });
    const call = await h.twilio.placeCall({ from: '+15555550206', to: '+15555550400' });
    await call.say('how do I get to you guys? oh and do you do loaner cars?', { confidence: 0.92 });
    const answer = said(call);
    expect(answer).toMatch(/1200 Lake Street, Evanston/);
    expect(answer).toMatch(/two loaner cars/);
  });

  it('a greeting that carries a question is answered, not just greeted back', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550207', ['hey good afternoon, I had a question about parking']);
    expect(said(call)).toMatch(/free parking behind the building/);
  });

  it('the hours of one day, with its holiday hours and reason', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550208', ['what time do you close on Friday?']);
    const friday = said(call);
    expect(friday).toMatch(/Friday is Day after Thanksgiving, so we have special hours: 9 AM to 1 PM\./);
    expect(friday).not.toMatch(/Monday to Wednesday/);
    await call.say('and are you open Thursday the 3rd', { confidence: 0.92 });
    expect(said(call)).toMatch(/Thursday, December 3rd we're open 10 AM to 7 PM with a lunch break from 1 to 2\./);
  });
});

describe('times the caller asks for', () => {
  it('a new time asked for while choosing is looked up, not taken as a pick', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550209', ['I want a cleaning on Tuesday the first of December']);
    expect(said(call)).toMatch(/Which works best\?/);
    await call.say('got anything around four in the afternoon?', { confidence: 0.92 });
    await call.say('Eli Olsen', { confidence: 0.92 });
    expect(said(call)).toMatch(/Tuesday, December 1st at 4 PM with .* Shall I book it\?/);
  });

  it.each([
    ['a cleaning Wednesday, afternoon 2', /Wednesday, November 25th at 2 PM/],
    ['exam on Thursday December 3rd, evening 6', /Thursday, December 3rd at 6 PM/],
    ['a checkup tomorrow, morning 11 would be great', /Tuesday, November 24th at 11 AM/],
  ])('the part of the day first: "%s"', async (line, heard) => {
    h = await startCallHarness();
    const call = await h.converse('+15555550210', [line, 'Ivy Chen']);
    expect(said(call)).toMatch(heard);
  });

  it('a closed day is explained with its reason and the nearest times are offered', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550211', ['can I come in for an exam on December 25th at 10']);
    expect(said(call)).toMatch(/We're closed on Friday, December 25th for Christmas Day\. I have .*Which works best\?/);
    const other = await h.converse('+15555550212', ['is Thursday at 11 possible for a cleaning?']);
    expect(said(other)).toMatch(/We're closed on Thursday for Thanksgiving\./);
  });
});

describe('a message is never lost', () => {
  it('"no, that\'s it" at the callback question still leaves the message', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550213', ['could you pass a message to Dr. Lee', 'my lab results came back and I have a question about them', 'Nadia Reyes']);
    expect(said(call)).toMatch(/call you back at the number you're calling from/);
    await call.say("no that's it", { confidence: 0.92 });
    expect(call.state).toBe('ended');
    expect(await h.run<any[]>('messages/list', { tenantId: T })).toMatchObject([{ reason: expect.stringMatching(/lab results/), callerName: 'Nadia Reyes', callbackNumber: '+15555550213' }]);
    expect((await callRecord(call.sid)).outcome).toBe('message');
  });

  it('a caller who hangs up in the middle of a message leaves what they said', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550214', ["I'd like to leave a message", 'tell the hygienist I will be ten minutes late tomorrow']);
    expect(said(call)).toMatch(/Can I have your name/);
    await call.hangup();
    const [message] = await h.run<any[]>('messages/list', { tenantId: T });
    expect(message).toMatchObject({ reason: expect.stringMatching(/ten minutes late/), callbackNumber: '+15555550214' });
    expect((await callRecord(call.sid)).outcome).toBe('message');
  });
});

describe('a caller who describes a problem instead of a service', () => {
  it('"my tooth really hurts" then "I don\'t know" starts with the practice\'s exam and books it', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550231', ['hi, my tooth really hurts']);
    expect(said(call)).toMatch(/What would you like to come in for\?/);
    await call.say("I'm not sure, it just hurts", { confidence: 0.92 });
    expect(said(call)).toMatch(/Let's start with a dental exam, so the team can take a look\. What day works best for you\?/);
    for (const line of ['tomorrow morning', 'the first one', 'Noor Haddad']) await call.say(line, { confidence: 0.92 });
    expect(said(call)).toMatch(/Tuesday, November 24th at 8 AM with .* for a dental exam\. Shall I book it\?/);
    await call.say('yes please', { confidence: 0.92 });
    expect(await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed'] })).toMatchObject([{ serviceId: 'exam', customer: { name: 'Noor Haddad' } }]);
  });

  it('a second answer that still names no service does not get the service question a third time', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550232', ['I need to get my crown looked at, it came off last night', 'tomorrow morning']);
    expect(said(call)).toMatch(/what would you like to come in for\?/i);
    await call.say('9 works', { confidence: 0.92 });
    const reply = said(call);
    expect(reply).toMatch(/Let's start with a dental exam/);
    expect(reply).not.toMatch(/come in for/);
  });

  it('at a garage with no general visit, the caller is asked, then offered a person or a message: never a wrong service', async () => {
    h = await startCallHarness();
    await h.run('tenants/save', { config: GARAGE });
    const call = await h.twilio.placeCall({ from: '+15555550233', to: '+15555550400' });
    for (const line of ['my car is making a weird noise, can you take a look at it', "I don't know what it is", 'no idea']) await call.say(line, { confidence: 0.92 });
    expect(said(call)).toMatch(/message|front desk/i);
    expect(await h.run<any[]>('bookings/list', { tenantId: 'lakeside-auto', statuses: ['confirmed', 'held'] })).toHaveLength(0);
  });
});

describe('whether a day is worked is answered as hours', () => {
  it('"do y\'all do Saturday appointments" hears that Saturday is closed', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550234', ["do y'all do Saturday appointments"]);
    expect(said(call)).toMatch(/closed (?:on )?Saturday/);
  });
});

describe('a move to "the same time" another day keeps the appointment\'s time', () => {
  it('"can we do next Friday, same time" offers the appointment\'s clock time that day', async () => {
    h = await startCallHarness();
    await h.converse('+15555550241', ['a cleaning with Maria on Wednesday at 10 am', 'Ines Duarte', 'yes', 'no thanks']);
    const move = await h.converse('+15555550241', ['I need to move my cleaning', 'can we do next Friday, same time']);
    expect(said(move)).toMatch(/to Friday, December 4th at 10 AM with Maria Gomez, RDH\. Is that right\?/);
  });
});

describe('"the earliest" among the times offered is the earliest of them', () => {
  it('"first thing" while choosing holds the earliest offered time', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550242', ['a cleaning tomorrow morning please']);
    expect(said(call)).toMatch(/Tomorrow I have 8 AM, 9 AM, or 10 AM\. Which works best\?/);
    await call.say('first thing', { confidence: 0.92 });
    await call.say('Wen Li', { confidence: 0.92 });
    expect(said(call)).toMatch(/Tuesday, November 24th at 8 AM with .* for a teeth cleaning\. Shall I book it\?/);
  });
});

describe('an everyday word of a service name is not that service', () => {
  it('at a garage with an "Oil change", "I need to change my appointment" is a move, not an oil change', async () => {
    h = await startCallHarness();
    await h.run('tenants/save', { config: GARAGE });
    const call = await h.twilio.placeCall({ from: '+15555550243', to: '+15555550400' });
    await call.say('I need to change my appointment', { confidence: 0.92 });
    const reply = said(call);
    expect(reply).toMatch(/couldn't find an appointment/);
    expect(reply).not.toMatch(/oil/i);
  });
});

describe('what the caller already said is not asked again', () => {
  it('a message request that says what it is about is not asked "what would you like me to tell the team?"', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550251', ['can you have Dr Patel call me back about my x-rays']);
    const reply = said(call);
    expect(reply).not.toMatch(/What would you like me to tell the team/);
    expect(reply).toMatch(/your name/i);
    for (const line of ['Jim Bell', 'yes this number is fine']) await call.say(line, { confidence: 0.92 });
    const messages = await h.run<any[]>('messages/list', { tenantId: T });
    expect(messages).toMatchObject([{ reason: expect.stringMatching(/x-rays/) }]);
  });

  it('"can I book one" after asking about a cleaning books a cleaning', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550252', ["how much is a cleaning if I don't have insurance", 'ok cool, can I book one for next Wednesday afternoon']);
    const reply = said(call);
    expect(reply).not.toMatch(/What would you like to come in for/);
    expect(reply).toMatch(/Wednesday, December 2nd/);
    await call.say('the first one', { confidence: 0.92 });
    await call.say('Ana Ruiz', { confidence: 0.92 });
    expect(said(call)).toMatch(/for a teeth cleaning\. Shall I book it\?/);
  });
});

describe('a question in the middle of the read-back does not lose the booking', () => {
  it('asked the hours at "Shall I book it?", the caller repeats the time and is booked', async () => {
    h = await startCallHarness();
    const call = await h.converse('+15555550261', ['this is Rosa Diaz, I would like a cleaning with Maria tomorrow at three in the afternoon', 'sorry, what are your hours again?']);
    expect(said(call)).toMatch(/Shall I book a teeth cleaning on Tuesday, November 24th at 3 PM for you\?/);
    await call.say('tomorrow at three in the afternoon', { confidence: 0.92 });
    expect(said(call)).toMatch(/You're all set/);
    expect(await h.run<any[]>('bookings/list', { tenantId: T, statuses: ['confirmed'] })).toMatchObject([{ start: '2026-11-24T15:00:00-05:00' }]);
  });
});
