import { describe, expect, it } from 'vitest';
import { CALLER_PHONE, Call, TRANSFER, demoTenant, heard, u } from './harness.js';

const noTransfer = () =>
  demoTenant((raw) => {
    raw.transferNumber = null;
  });

const wednesdayMorning = Date.parse('2026-11-25T14:00:00Z');
const thanksgivingMorning = Date.parse('2026-11-26T14:00:00Z');

describe('rules brain: hours, location and FAQ', () => {
  it('says the hours of the demo practice in words', async () => {
    const call = new Call({ script: { 'what are your hours': u('hours') } });
    await call.start();
    const r = await call.say('what are your hours');
    expect(heard(r)).toBe(
      "We're open Monday to Wednesday 8 AM to 5 PM with a lunch break from 12 to 1, Thursday 10 AM to 7 PM with a lunch break from 1 to 2, and Friday 8 AM to 2 PM. We're closed on weekends. Is there anything else I can help with?",
    );
    expect(r.outcome).toBe('answered');
    expect(r.summary).toBe('question: hours');
  });

  it('mentions a closure tomorrow', async () => {
    const call = new Call({ now: wednesdayMorning, script: { 'are you open': u('hours') } });
    await call.start();
    const r = await call.say('are you open');
    expect(heard(r)).toContain("We're closed on weekends. Please note we're closed tomorrow for Thanksgiving.");
  });

  it('mentions a closure today and special hours tomorrow', async () => {
    const call = new Call({ now: thanksgivingMorning, script: { hours: u('hours') } });
    await call.start();
    const r = await call.say('hours');
    expect(heard(r)).toContain("Please note we're closed today for Thanksgiving. Please note that tomorrow, Day after Thanksgiving, we're open 9 AM to 1 PM.");
  });

  it('gives the address', async () => {
    const call = new Call({ script: { 'where are you': u('location') } });
    await call.start();
    const r = await call.say('where are you');
    expect(heard(r)).toBe("We're at 120 Main Street, Suite 4, Springfield. Is there anything else I can help with?");
    expect(call.actions.calls).toEqual([]);
  });

  it('answers an FAQ through answer_question and asks what else', async () => {
    const call = new Call({ script: { 'do you take insurance': u('faq', { faqIndex: 0 }), 'no thanks': u('no') } });
    await call.start();
    let r = await call.say('do you take insurance');
    expect(call.actions.argsOf('answer_question')).toEqual([{ faqIndex: 0, topic: 'faq', question: 'do you take insurance' }]);
    expect(heard(r)).toBe('We accept most PPO plans, including Delta Dental, Cigna and Aetna. Bring your card to your visit. Is there anything else I can help with?');
    expect(r.summary).toBe('question: insurance');
    expect(r.outcome).toBe('answered');
    r = await call.say('no thanks');
    expect(r.next).toBe('hangup');
    expect(heard(r)).toBe('Thanks for calling Bright Smiles Dental. Goodbye!');
  });

  it('offers a message when the question has no answer', async () => {
    const call = new Call({ script: { 'do you do braces': u('faq'), yes: u('yes') } });
    await call.start();
    let r = await call.say('do you do braces');
    expect(heard(r)).toBe("I'm not sure about that one. Would you like to leave a message for the team?");
    r = await call.say('yes');
    expect(heard(r)).toBe('Sure, I can take a message. What would you like me to tell the team?');
  });
});

describe('rules brain: a person', () => {
  it('puts the caller through when there is a transfer number', async () => {
    const call = new Call({ script: { 'can I talk to someone': u('speak_to_person') } });
    await call.start();
    const r = await call.say('can I talk to someone');
    expect(call.actions.argsOf('transfer_to_staff')).toEqual([{ reason: 'caller asked for a person' }]);
    expect(r).toMatchObject({ next: 'transfer', transferTo: TRANSFER, outcome: 'transferred', summary: 'speak to a person' });
    expect(heard(r)).toBe("Sure, I'll put you through to the front desk now. One moment, please.");
  });

  it('offers a message when there is nobody to transfer to', async () => {
    const call = new Call({ tenant: noTransfer(), script: { 'a real person please': u('speak_to_person'), 'yes please': u('yes') } });
    await call.start();
    let r = await call.say('a real person please');
    expect(r.next).toBe('listen');
    expect(heard(r)).toBe("I'm sorry, there's no one available to take your call right now. I can take a message and have someone call you back. Would you like to leave a message?");
    r = await call.say('yes please');
    expect(call.state.flow).toBe('message');
    expect(heard(r)).toContain('What would you like me to tell the team?');
  });
});

describe('rules brain: messages', () => {
  it('takes a message: reason, name, callback at the calling number', async () => {
    const call = new Call({ script: { 'can I leave a message': u('leave_message'), 'Bob Smith': u('unknown', { name: 'Bob Smith' }), yes: u('yes') } });
    await call.start();
    let r = await call.say('can I leave a message');
    expect(heard(r)).toBe('Sure, I can take a message. What would you like me to tell the team?');
    expect(r.summary).toBe('message for the desk');
    r = await call.say('Please ask Dr. Lee to call me about my crown');
    expect(heard(r)).toBe('Can I have your name, please?');
    r = await call.say('Bob Smith');
    expect(heard(r)).toBe("Thanks, Bob. Should we call you back at the number you're calling from?");
    r = await call.say('yes');
    expect(call.actions.argsOf('take_message')).toEqual([
      { reason: 'Please ask Dr. Lee to call me about my crown', callerName: 'Bob Smith', callbackNumber: CALLER_PHONE, urgent: false },
    ]);
    expect(heard(r)).toBe("Thank you, Bob. I've passed your message on to the team, and someone will call you back. Is there anything else I can help with?");
    expect(r.outcome).toBe('message');
    expect(call.expects).toEqual([null, null, 'name', 'yes_no']);
  });

  it('takes another callback number, said or typed', async () => {
    const call = new Call({
      caller: { customer: { id: 'c1', name: 'Ann Lee' } },
      script: { message: u('leave_message'), no: u('no'), 'five five five one two three four five six seven': u('unknown', { phone: '+15551234567' }) },
    });
    await call.start();
    await call.say('message');
    await call.say('my crown fell off');
    let r = await call.say('no');
    expect(heard(r)).toBe('No problem. What number should we call you back on?');
    r = await call.say('five five five one two three four five six seven');
    expect(call.actions.argsOf('take_message')[0]).toMatchObject({ callerName: 'Ann Lee', callbackNumber: '+15551234567' });

    const typed = new Call({ caller: { phone: null, customer: { id: 'c1', name: 'Ann Lee' } }, script: { message: u('leave_message') } });
    await typed.start();
    await typed.say('message');
    r = await typed.say('call me');
    expect(heard(r)).toBe("What's the best number to call you back on?");
    await typed.press('5551234567#');
    expect(typed.actions.argsOf('take_message')[0]).toMatchObject({ callbackNumber: '+15551234567' });
  });

  it('confirms a low-confidence callback number', async () => {
    const call = new Call({ caller: { customer: { id: 'c1', name: 'Ann Lee' } }, script: { message: u('leave_message'), 'five five five one two three four five six seven': u('unknown', { phone: '+15551234567' }), yes: u('yes') } });
    await call.start();
    await call.say('message');
    await call.say('my crown fell off');
    const r = await call.say('five five five one two three four five six seven', 0.3);
    expect(heard(r)).toBe('Just to check, is that 5 5 5, 1 2 3, 4 5 6 7?');
    await call.say('yes');
    expect(call.actions.argsOf('take_message')[0]).toMatchObject({ callbackNumber: '+15551234567' });
  });
});

describe('rules brain: emergencies', () => {
  it('transfers right away when there is a transfer number', async () => {
    const call = new Call({ script: { 'my tooth got knocked out': u('emergency', { emergencyKeyword: 'knocked out' }) } });
    await call.start();
    const r = await call.say('my tooth got knocked out');
    expect(heard(r)).toBe('That sounds urgent. Let me get you to someone right away.');
    expect(r).toMatchObject({ next: 'transfer', transferTo: TRANSFER, outcome: 'transferred', summary: 'emergency' });
    expect(call.actions.argsOf('transfer_to_staff')[0].reason).toContain('emergency');
  });

  it('takes an urgent message when there is no transfer number', async () => {
    const call = new Call({ tenant: noTransfer(), caller: { customer: { id: 'c1', name: 'Ann Lee' } }, script: { 'my gum is bleeding a lot': u('book', { emergencyKeyword: 'bleeding' }), yes: u('yes') } });
    await call.start();
    let r = await call.say('my gum is bleeding a lot');
    expect(heard(r)).toBe("That sounds urgent. I'll take an urgent message for the team. Should we call you back at the number you're calling from?");
    expect(r.summary).toBe('emergency');
    r = await call.say('yes');
    expect(call.actions.argsOf('take_message')).toEqual([{ reason: 'my gum is bleeding a lot', callerName: 'Ann Lee', callbackNumber: '+15555550142', urgent: true }]);
    expect(heard(r)).toContain("I've sent your message to the team as urgent, and they'll call you back as soon as possible.");
    expect(heard(r)).toContain('dial 911');
    expect(r.outcome).toBe('message');
  });

  it('flags a later booking in the same call as an emergency', async () => {
    const call = new Call({
      tenant: noTransfer(),
      caller: { customer: { id: 'c1', name: 'Ann Lee' } },
      script: { 'I have severe pain': u('emergency', { emergencyKeyword: 'severe pain' }), yes: u('yes'), 'can I get an exam tomorrow at 3': u('book', { serviceId: 'exam', date: '2026-11-24', time: '15:00' }) },
    });
    await call.start();
    await call.say('I have severe pain');
    await call.say('yes');
    await call.say('can I get an exam tomorrow at 3');
    await call.say('yes');
    expect(call.actions.argsOf('book_appointment')[0].signals.emergency).toBe(true);
  });
});
