import { findTimeRanges, findDurations, findTimeMentions } from '../../server/src/core/time';
for (const s of process.argv.slice(2)) {
  console.log(JSON.stringify(s));
  console.log(' ranges', JSON.stringify(findTimeRanges(s).map(r => s.slice(r.start, r.end))));
  console.log(' mentions', JSON.stringify(findTimeMentions(s).map(r => [s.slice(r.start, r.end), r.time, r.zone?.text, r.date])));
  console.log(' durations', JSON.stringify(findDurations(s).map(r => [s.slice(r.start, r.end), r.minutes])));
}
