import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { exampleClockTime, formatClockTime, parseClockTime } from '../../shared/lib/clock-time.js';

/**
 * A time of day in the practice's format ("9:00 AM" or "09:00"). What is typed stays as typed
 * while the person edits; `onChange` gets the canonical "HH:MM" once it reads as a time, or the
 * raw text otherwise (so the schema refuses it and the form cannot save a half-typed time).
 */
export function ClockInput({
  value,
  onChange,
  twelveHour,
  end = false,
  ...rest
}: {
  value: string;
  onChange: (value: string) => void;
  twelveHour: boolean;
  /** The end of an interval: midnight is the end of the day ("24:00"). */
  end?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(() => formatClockTime(value, twelveHour));
  const shownFormat = useRef(twelveHour);
  // A change from elsewhere (revert, another console, another locale) shows in the practice's format;
  // the person's own typing stays as typed.
  useEffect(() => {
    const formatChanged = shownFormat.current !== twelveHour;
    shownFormat.current = twelveHour;
    setText((current) => (!formatChanged && parseClockTime(current, { end }) === value ? current : formatClockTime(value, twelveHour)));
  }, [value, twelveHour, end]);
  return (
    <input
      {...rest}
      className="input input-clock"
      placeholder={exampleClockTime(twelveHour)}
      autoComplete="off"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseClockTime(event.target.value, { end }) ?? event.target.value);
      }}
      onBlur={() => {
        const canonical = parseClockTime(text, { end });
        if (canonical) setText(formatClockTime(canonical, twelveHour));
      }}
    />
  );
}

/** The schema's "must be a time "HH:MM"…" in the practice's words. */
export function clockErrorInWords(message: string, twelveHour: boolean): string {
  return message.startsWith('must be a time') ? `must be a time like ${exampleClockTime(twelveHour)}` : message;
}
