import twilio from 'twilio';

export const { VoiceResponse } = twilio.twiml;
export type VoiceResponseInstance = InstanceType<typeof VoiceResponse>;
