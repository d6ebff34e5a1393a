import type { Language } from '../../../../shared/contract/index.js';
import { foldAccents } from './normalize.js';

/**
 * Spanish callers, read through the English rules: the phrasings of dates, times, requests,
 * yes/no and names are rewritten into the English phrasing the parser knows ("el martes a las 3
 * de la tarde" → "tuesday at 3 in the afternoon"), in order, longest phrase first. Words it does
 * not know (names, a practice's Spanish service aliases) pass through unchanged, so the tenant
 * vocabulary still matches them. chrono-node's `es` parser was tried first and left out: it
 * misses "pasado mañana", reads "mañana por la mañana" as one instant, and knows no times of
 * day said as "de la tarde" (see test/unit/conversation/understanding/spanish.test.ts).
 */

const NUMBERS: Record<string, string> = {
  cero: '0', uno: '1', una: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9', diez: '10',
  once: '11', doce: '12', trece: '13', catorce: '14', quince: '15', dieciseis: '16', diecisiete: '17', dieciocho: '18', diecinueve: '19',
  veinte: '20', veintiuno: '21', veintidos: '22', veintitres: '23', veinticuatro: '24', veinticinco: '25', veintiseis: '26', veintisiete: '27',
  veintiocho: '28', veintinueve: '29', treinta: '30', cuarenta: '40', cincuenta: '50',
};
const WEEKDAYS: Record<string, string> = { lunes: 'monday', martes: 'tuesday', miercoles: 'wednesday', jueves: 'thursday', viernes: 'friday', sabado: 'saturday', domingo: 'sunday' };
const MONTHS: Record<string, string> = {
  enero: 'january', febrero: 'february', marzo: 'march', abril: 'april', mayo: 'may', junio: 'june', julio: 'july', agosto: 'august',
  septiembre: 'september', setiembre: 'september', octubre: 'october', noviembre: 'november', diciembre: 'december',
};
const DAY = `(${Object.keys(WEEKDAYS).join('|')})`;
const MONTH = `(${Object.keys(MONTHS).join('|')})`;
const N = '(\\d{1,2})';

type Rule = [RegExp, string | ((...m: string[]) => string)];

const g = (source: string) => new RegExp(source, 'g');

/** Applied in order to accent-free lowercase text. */
const RULES: Rule[] = [
  // Numbers said as words ("a las tres y media", "cinco cinco cinco…") become digits first.
  [g(`\\b(${Object.keys(NUMBERS).filter((w) => w !== 'una' && w !== 'uno').join('|')})\\b`), (w) => NUMBERS[w] ?? w],
  [/\b(a|de|desde|hasta|para) la una\b/g, '$1 la 1'],
  [/\bla una\b/g, 'la 1'],
  [/\b(el|opcion|numero) uno\b/g, '$1 1'],
  // Language switches are handled before understanding; drop the words.
  [/\b(en )?(espanol|castellano|spanish)\b/g, ' '],
  // Greetings and courtesy
  [/^(hola|bueno|alo|buenas|buen dia|buenos dias|buenas tardes|buenas noches)\b[,.!]?/g, 'hello,'],
  [/\b(muchas gracias|mil gracias)\b/g, 'thank you'],
  [/\bgracias\b/g, 'thanks'],
  [/\b(por favor|porfa|porfavor)\b/g, 'please'],
  // Goodbye and "that's all"
  [/\b(no,? )?(eso es todo|es todo|seria todo|nada mas|eso seria todo|ya es todo|ya no)( gracias| thanks)?\b/g, 'no thats all'],
  [/\b(adios|hasta luego|hasta pronto|chao|chau|nos vemos|que tenga buen dia|que le vaya bien)\b/g, 'goodbye'],
  // Emergencies
  [/\b(emergencia|urgencia)\b/g, 'emergency'],
  [/\burgente\b/g, 'urgent'],
  [/\b(sangra|sangrado|sangrando|sangre)\b/g, 'bleeding'],
  [/\b(hinchada|hinchado|hinchazon|inflamada|inflamado|inflamacion)\b/g, 'swelling'],
  [/\b(mucho dolor|dolor muy fuerte|dolor fuerte|dolor insoportable|me duele mucho)\b/g, 'severe pain'],
  [/\b(diente roto|diente quebrado|se me rompio un diente|se me quebro un diente)\b/g, 'broken tooth'],
  [/\b(se me cayo un diente|diente caido)\b/g, 'knocked out tooth'],
  // The waitlist ("lista de espera", "avíseme si se libera algo"), before "mensaje" becomes a message to leave
  // "A la misma hora" keeps an appointment's clock time; "es sobre…" says what a message is about.
  [/\b((a|en) )?(la misma hora|el mismo horario|la misma hora de siempre)\b|\b(misma hora|mismo horario)\b/g, 'same time'],
  [/\b(es sobre|sobre|acerca de|con respecto a|respecto a|respecto de|por lo de|en relacion a|en cuanto a)\b/g, 'about'],
  [/\bporque\b/g, 'because'],
  [/\b(la |una )?lista de espera\b/g, 'waitlist'],
  [/\bsi (se )?(libera|desocupa|abre|cancela|queda libre|hay) (algo|alguna cita|un espacio|un lugar|un horario|una cita|algun espacio|algun lugar|algun horario)\b/g, 'if something opens up'],
  [/\b(mandeme|envieme|me manda|me mandan|me envia|me envian|me puede mandar|me pueden mandar) (un )?(mensaje|texto)( de texto)?\b/g, 'text me'],
  [/\b(aviseme|avisenme|me avisa|me avisan|me puede avisar|me pueden avisar)\b/g, 'let me know'],
  // A person, a message
  [/\b(hablar|comunicarme|comunicar) con (alguien|una persona|un humano|la recepcion|recepcion|la recepcionista|una recepcionista|alguien de la oficina)\b/g, 'speak to someone'],
  [/\b(comuniqueme|paseme|transfierame) con (alguien|una persona|la recepcion|recepcion)\b/g, 'put me through to someone'],
  [/\b(una persona|la recepcion|recepcion|alguien)\b(?!.*\bmensaje\b)/g, 'the front desk'],
  [/\b(dejar|dejarle|dejarles) (un |el )?(mensaje|recado)\b/g, 'leave a message'],
  [/\b(que me (llamen|devuelvan la llamada|regresen la llamada|marquen)|me devuelvan la llamada|me regresen la llamada)\b/g, 'call me back'],
  [/\b(tomeme|tomarme|tome) (un |el )?(mensaje|recado)\b/g, 'take a message'],
  [/\b(un |el )?(mensaje|recado)\b/g, 'a message'],
  // Names
  [/\b(me llamo|mi nombre es|mi nombre|habla|le habla|soy)\b/g, 'my name is'],
  [/\ba nombre de\b/g, 'under'],
  [/\b(mi (numero|telefono|celular)( es)?|el (numero|telefono) es)\b/g, 'my number is'],
  // Questions
  [/\b(a que hora|a que horas|que horario|cual es (el|su) horario|que dias)\b( (abren|cierran|atienden|trabajan|tienen))?/g, 'what are your hours'],
  [/\b(horario|horarios|horas de atencion)\b/g, 'hours'],
  [/\b(estan|esta) (abiertos|abierto|abierta)\b/g, 'are you open'],
  [/\b(abren|atienden|trabajan)\b/g, 'are you open'],
  [/\b(estan|esta) (cerrados|cerrado)\b/g, 'are you closed'],
  [/\b(donde (estan|se encuentran|quedan|queda|estan ubicados)|cual es (la|su) direccion|la direccion|como llego|ubicacion|ubicados)\b/g, 'where are you located'],
  [/\bdireccion\b/g, 'address'],
  [/\b(estacionamiento|estacionar|parqueo|parqueadero|aparcar|donde dejar el carro|donde dejo el carro)\b/g, 'parking'],
  [/\b(aseguranza|seguro medico|seguro dental|seguro)\b/g, 'insurance'],
  [/\b(cuanto (me )?(cuesta|cuestan|cobran|cobra|sale|salen|vale|valen|seria|es)( por)?|que precio|precios|precio|costo)\b/g, 'how much'],
  [/\b(ninos|nino|ninas|hijos|hijo|hija)\b/g, 'children'],
  [/\b(tienen|tiene|hay) (algo|espacio|lugar|citas|cita|disponibilidad|algun horario|algun espacio)( disponible)?\b/g, 'do you have anything'],
  [/\b(tienen|tiene)\b/g, 'do you have'],
  // "¿Hacen extensiones?", "¿ofrecen implantes?": asking whether a service is offered.
  [/\b(ustedes )?(hacen|ofrecen|realizan|manejan)( ustedes)?\b/g, 'do you do'],
  // Requests ("la primera cita disponible" is a wish for the earliest, before "cita" becomes "appointment")
  [/\b(lo antes posible|lo mas pronto posible|lo mas pronto|cuanto antes|lo mas temprano posible|la primera (cita|hora) disponible|el primer (horario|espacio|lugar) disponible|lo primero (que tenga|disponible)|lo que tenga primero)\b/g, 'the earliest available'],
  [/\b(cambiar|mover|reprogramar|pasar|recorrer|cambiarme|reagendar) (mi|la|una|el) (cita|consulta|turno|horario)\b/g, 'reschedule my appointment'],
  [/\b(cambiarla|moverla|pasarla|reprogramarla|recorrerla|reagendarla|cambiar la fecha|cambiar el horario|reprogramar|reagendar)\b/g, 'reschedule it'],
  [/\b(cancelar|anular|cancelarla|anularla|cancele|cancela)\b/g, 'cancel'],
  [/\b(ya no (puedo|voy a poder) ir|no (puedo|voy a poder) (ir|llegar|asistir))\b/g, 'i can not make it'],
  [/\b(cuando es|a que hora es|que dia es|confirmar|revisar) (mi|la) (cita|consulta)\b/g, 'when is my appointment'],
  [/\b(tengo (una )?cita)\b/g, 'do i have an appointment'],
  [/\b(quiero|quisiera|necesito|me gustaria|queria|quería|deseo|busco|puedo|podria)( hacer| sacar| agendar| programar| reservar| pedir| apartar)? (una|otra) (cita|consulta)\b/g, 'i would like to book an appointment'],
  [/\b(hacer|sacar|agendar|programar|reservar|pedir|apartar|agendarme|apuntarme|anotarme) (una |otra )?(cita|consulta)\b/g, 'book an appointment'],
  [/\b(agendar|agendarme|agendeme|agendela|agendemela|apuntarme|anotarme|reservar|apartar)\b/g, 'book'],
  [/\b(quiero|quisiera|necesito|me gustaria|queria|deseo)\b/g, 'i would like'],
  [/\b(mi cita|la cita|su cita)\b/g, 'my appointment'],
  [/\b(una cita|cita|citas)\b/g, 'an appointment'],
  // Days: "pasado mañana" before "mañana"; "la mañana" is the morning, "mañana" alone is tomorrow.
  [/\bpasado manana\b/g, 'the day after tomorrow'],
  // Holidays by name, read as the English names (holidays.ts knows their dates); a greeting is not a date.
  [/\bfelices fiestas\b/g, 'happy holidays'],
  [/\bfeliz navidad\b/g, 'merry christmas'],
  [/\bfeliz (ano nuevo|ano)\b/g, 'happy new year'],
  [/\bfeliz dia de accion de gracias\b/g, 'happy thanksgiving'],
  [/\b(la )?nochebuena\b/g, 'christmas eve'],
  [/\b(la )?navidad\b/g, 'christmas'],
  [/\b(la )?nochevieja\b/g, 'new years eve'],
  [/\b(el )?(dia de )?ano nuevo\b/g, 'new years day'],
  [/\b(el )?dia de accion de gracias\b/g, 'thanksgiving'],
  [/\b(por|en|de|a) la manana\b/g, 'in the morning'],
  [/\b(por|en|de|a) la tarde\b/g, 'in the afternoon'],
  [/\b(por|en|de|a) la noche\b/g, 'in the evening'],
  [/\besta manana\b/g, 'this morning'],
  [/\besta tarde\b/g, 'this afternoon'],
  [/\besta noche\b/g, 'tonight'],
  [/\bla manana\b/g, 'the morning'],
  [/\bla tarde\b/g, 'the afternoon'],
  [/\bmanana\b/g, 'tomorrow'],
  [/\bhoy\b/g, 'today'],
  [/\b(a primera hora|temprano en la manana|lo primero de la manana)\b/g, 'first thing'],
  [/\b(al mediodia|a mediodia|mediodia)\b/g, 'at noon'],
  [g(`\\b(el |este )?${DAY} (que viene|proximo)\\b`), (_m, _a, d) => `next ${WEEKDAYS[d] ?? d}`],
  [g(`\\b(el )?proximo ${DAY}\\b`), (_m, _a, d) => `next ${WEEKDAYS[d] ?? d}`],
  [/\b(la semana que viene|la proxima semana|la semana proxima|proxima semana)\b/g, 'next week'],
  [/\besta semana\b/g, 'this week'],
  [/\b(fin de semana)\b/g, 'weekend'],
  // "el primero de diciembre" is the 1st (not "the first one" of a list of options).
  [g(`\\b(el )?(primero|1ro|1o) de ${MONTH}\\b`), (_m, _a, _p, mo) => `${MONTHS[mo] ?? mo} 1`],
  [g(`\\b(el )?${N} de ${MONTH}\\b`), (_m, _a, d, mo) => `${MONTHS[mo] ?? mo} ${d}`],
  [g(`\\b(cita )?(del|de el) ${DAY} (al|a el|para el) ${DAY}\\b`), (_m, c, _d, a, _p, b) => `${c ? 'appointment ' : ''}from ${WEEKDAYS[a] ?? a} to ${WEEKDAYS[b] ?? b}`],
  // After a move, "para el viernes" is where it goes ("cambiar mi cita para el viernes"), not the appointment's day.
  [g(`\\b(reschedule my appointment|reschedule it) (para el|para|al|a el) ${DAY}\\b`), (_m, r, _p, d) => `${r} to ${WEEKDAYS[d] ?? d}`],
  [g(`\\b(appointment|consulta) (del|de el|para el|el) ${DAY}\\b`), (_m, c, _d, d) => `${c} on ${WEEKDAYS[d] ?? d}`],
  [g(`\\b(para el|para|al) ${DAY}\\b`), (_m, _p, d) => `to ${WEEKDAYS[d] ?? d}`],
  [g(`\\b(el|los) ${DAY}\\b`), (_m, _a, d) => `on ${WEEKDAYS[d] ?? d}`],
  [g(`\\b${DAY}\\b`), (d) => WEEKDAYS[d] ?? d],
  [g(`\\b${MONTH}\\b`), (m) => MONTHS[m] ?? m],
  [/\bel (\d{1,2})\b(?! de la)/g, 'the $1'],
  // Times
  [g(`\\b${N} y media\\b`), '$1 30'],
  [g(`\\b${N} y cuarto\\b`), '$1 15'],
  [g(`\\b${N} menos cuarto\\b`), 'quarter to $1'],
  [g(`\\b${N} menos ${N}\\b`), '$2 minutes to $1'],
  [g(`\\b${N} y (\\d{2})\\b`), '$1 $2'],
  [/\ben punto\b/g, 'oclock'],
  [g(`\\b(despues de|despues de las|despues de la|a partir de las|a partir de la|desde las) ${N}\\b`), 'after $2'],
  [g(`\\b(antes de|antes de las|antes de la) ${N}\\b`), 'before $2'],
  [g(`\\bentre (las |la )?${N} y (las |la )?${N}\\b`), 'between $2 and $4'],
  [/\b(despues de comer|despues del almuerzo|despues de la comida)\b/g, 'after lunch'],
  [/\b(antes de comer|antes del almuerzo)\b/g, 'before lunch'],
  [/\b(despues del trabajo|saliendo del trabajo)\b/g, 'after work'],
  [g(`\\b(a las|a la|como a las|como a la|tipo|alrededor de las|cerca de las) ${N}\\b`), 'at $2'],
  [g(`\\b(las|la) ${N}\\b`), 'at $2'],
  [/\b(mas tarde|mas tardecito)\b/g, 'later'],
  [/\b(mas temprano)\b/g, 'earlier'],
  // Choosing among options
  [/\b(el primero|la primera|el primer horario|la primera opcion|el de primero)\b/g, 'the first one'],
  [/\b(el segundo|la segunda|la segunda opcion)\b/g, 'the second one'],
  [/\b(el tercero|la tercera|la tercera opcion|el tercer horario)\b/g, 'the third one'],
  [/\b(el ultimo|la ultima)\b/g, 'the last one'],
  [/\b(ninguno|ninguna)( de esos| de esas| de ellos)?\b/g, 'none of those'],
  [/\b(esa|ese|esa hora|ese horario) (esta bien|me queda bien|me sirve|me funciona)\b/g, 'that works'],
  // Corrections
  [/\b(mejor|mas bien|en realidad|perdon|perdone)\b/g, 'actually'],
  [/\b(en vez de|en lugar de)\b/g, 'instead of'],
  [/\b(que tal|y si|puede ser|se puede)\b/g, 'how about'],
  // Providers
  [/\b(con )?(la |el )?(doctora|doctor|dra|dr)\.? /g, (_m, con) => `${con ? 'with ' : ''}dr `],
  [/\bcon\b/g, 'with'],
  // Yes and no
  [/^(si|claro|claro que si|por supuesto|esta bien|de acuerdo|perfecto|me parece bien|me queda bien|correcto|exacto|asi es|sale|andale|okey|ok|va|dale|eso|eso es|orale|me sirve|me funciona|bueno si)\b[,.!]?/g, 'yes,'],
  [/\b(si|claro|perfecto|de acuerdo|esta bien),? (please|por favor)\b/g, 'yes please'],
  [/\b(esta bien|me parece bien|me queda bien|me sirve|me funciona|perfecto)\b/g, 'that works'],
  [/\bno,? (gracias|thanks)\b/g, 'no thanks'],
  [/\bno es correcto\b/g, 'that is not right'],
  [/\bpara\b/g, 'for'],
  [/\by\b/g, 'and'],
];

/** Lowercase, accents off (callers and recognizers are inconsistent with them), spaces tidied. */
function fold(text: string): string {
  return foldAccents(text)
    .replace(/[¿¡]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A Spanish utterance in the English phrasing the rules read. A hundred regular expressions run
 * over the text, and the same line is read again and again in a call (when it is spoken, when a
 * booking asks whether it was a read-back, in every later turn's guard): recent readings are kept.
 */
export function spanishToEnglish(text: string): string {
  const known = readings.get(text);
  if (known !== undefined) return known;
  let out = fold(text);
  for (const [re, replacement] of RULES) out = out.replace(re, replacement as never);
  out = out.replace(/\s+/g, ' ').replace(/\s+([,.?!])/g, '$1').trim();
  if (readings.size >= READINGS_KEPT) readings.delete(readings.keys().next().value!);
  readings.set(text, out);
  return out;
}

const READINGS_KEPT = 2000;
const readings = new Map<string, string>();

/**
 * Whether the Spanish reader could find a clock time in these words, without running it: every
 * time it knows is said with "la"/"las" ("a las tres", "la una"), "tipo", "mediodía" or "en punto"
 * (see the rules above), or in digits with AM/PM, which the English reading already finds.
 */
export function mayNameSpanishClockTime(text: string): boolean {
  return SPANISH_CLOCK_WORDS.test(foldAccents(text));
}

const SPANISH_CLOCK_WORDS = /\b(la|las|tipo|mediodia|punto)\b/;

const SPANISH_MARKERS = /\b(quiero|quisiera|necesito|cita|citas|hola|buenos|buenas|gracias|manana|hacer|tiene|tienen|por favor|para el|cancelar|cambiar|puedo|usted|senorita|horario|donde|estan|mi nombre|me llamo|el martes|el lunes|el jueves|el viernes|el miercoles)\b/g;
const SPANISH_FUNCTION_WORDS = new Set(
  'de del la las el los un una unos unas y o que en por para con sin al se me mi mis su sus es son esta estan hay hola gracias usted ustedes hacen tienen pueden puedo quiero quisiera necesito como cuando donde cuanto cuesta tambien pero si senor senora manana tarde noche sabado domingo lunes martes miercoles jueves viernes'.split(' '),
);
const ENGLISH_FUNCTION_WORDS = new Set(
  'the a an and or of to in on at for with my your is are was be do does can could would will i you we it this that what when where how have has please hi hello thanks thank need want like name'.split(' '),
);
const ASKS_SPANISH = /\b(espanol|castellano|spanish|en espanol|habla espanol|hablan espanol)\b/;
const ASKS_ENGLISH = /\b(ingles|english|in english)\b/;

/**
 * A caller choosing a language: "español" (or "Spanish", or simply speaking Spanish) when the
 * practice offers it; "inglés" / "English" back. `only`: the words were nothing but the choice.
 * `expecting`: what the receptionist just asked for ("name": a name is not a language).
 */
export function choosesLanguage(text: string, offered: readonly Language[], current: Language, expecting: string | null = null): { language: Language; only: boolean } | null {
  const folded = fold(text);
  const words = folded.split(/[\s,.!?]+/).filter(Boolean);
  if (current !== 'es' && offered.includes('es')) {
    if (ASKS_SPANISH.test(folded)) return { language: 'es', only: words.length <= 4 };
    const markers = folded.match(SPANISH_MARKERS)?.length ?? 0;
    if (markers >= 2 || (markers >= 1 && words.length <= 3 && /\b(hola|buenos|buenas|gracias)\b/.test(folded))) return { language: 'es', only: false };
    // A caller who just speaks Spanish ("hola, ¿hacen extensiones de pestañas?", "un corte de pelo el
    // sábado"): more of its little words are Spanish than English. A Spanish name in an English
    // sentence ("my name is Maria de la Cruz") is outnumbered by the sentence's own; a name said
    // alone when asked for one ("María de los Ángeles de la Cruz") is not a language.
    if (expecting === 'name') return null;
    const spanish = words.filter((w) => SPANISH_FUNCTION_WORDS.has(w)).length;
    const english = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
    if (spanish >= 2 && spanish > english) return { language: 'es', only: false };
  }
  if (current !== 'en' && offered.includes('en') && ASKS_ENGLISH.test(folded)) return { language: 'en', only: words.length <= 4 };
  return null;
}
