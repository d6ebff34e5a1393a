// Preloaded into the headless host by the process-net test: once the host has printed its URLs,
// a bug escapes every handler, once as a rejected promise nobody handles and once as an
// exception thrown from a timer.
const write = process.stdout.write.bind(process.stdout);
let provoked = false;
process.stdout.write = (chunk, ...rest) => {
  const result = write(chunk, ...rest);
  if (!provoked && String(chunk).includes('Webhooks:')) {
    provoked = true;
    setTimeout(() => {
      void Promise.reject(new Error('provoked rejection'));
      setTimeout(() => {
        throw new Error('provoked exception');
      }, 20);
    }, 20);
  }
  return result;
};
