// Perses keeps one Intl.NumberFormat per key, but its key leaves out the fraction digits: a
// value formatted with decimalPlaces 3 after one formatted without them (three significant
// digits) gets the first one's formatter. What Perses shows then depends on what it showed
// before. The test compares every case with what Perses shows the first time: a new
// formatter for each call, with the options the caller asked for.
export function getFormatterFromCache(_key, _inputType, formatterOptions, locale = 'en-US') {
  return new Intl.NumberFormat(locale, formatterOptions).format;
}
