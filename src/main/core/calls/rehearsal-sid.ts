/** Call SIDs of rehearsals start with this (Twilio's start with CA), so a rehearsal is never mistaken for a phone call. */
export const REHEARSAL_SID_PREFIX = 'RH';
