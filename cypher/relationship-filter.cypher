// Fragment (not a query): the conditions of a RelationshipFilter on one relationship `r`, spliced
// after WHERE. It uses no end nodes, so it also works inside a quantified path pattern.
// params: $f {includeRetracted, types, excludeTypes, statuses, minConfidence, asOf, windowStart,
//   knownOn, betweenFrom, betweenTo, eventTypes, source, claimedBy} (dates as YYYY-MM-DD strings or null)
(
  ($f.includeRetracted OR r.retractedAt IS NULL)
  AND ($f.types IS NULL OR type(r) IN $f.types)
  AND ($f.excludeTypes IS NULL OR NOT type(r) IN $f.excludeTypes)
  // With knownOn, the status as known that day: the last status change reported by then.
  AND ($f.statuses IS NULL OR (CASE
    WHEN $f.knownOn IS NULL OR size(coalesce(r.historyDates, [])) = 0 THEN r.status
    ELSE coalesce(last([i IN range(0, size(r.historyDates) - 1) WHERE r.historyDates[i] <= date($f.knownOn)
      | r.historyTo[i]]), r.historyFrom[0]) END) IN $f.statuses)
  AND ($f.minConfidence IS NULL OR r.confidence >= $f.minConfidence)
  // As of D: begun by D; a state must still hold on D, an event counts once it happened — unless
  // a window is given, when it must have lasted into the window's first day.
  AND ($f.asOf IS NULL OR (coalesce(r.validFrom, r.knownSince) <= date($f.asOf) AND CASE
    WHEN NOT type(r) IN $f.eventTypes THEN r.validTo IS NULL OR r.validTo >= date($f.asOf)
    WHEN $f.windowStart IS NULL THEN true
    WHEN r.validTo IS NOT NULL THEN r.validTo >= date($f.windowStart)
    WHEN r.validFrom IS NULL THEN r.knownSince >= date($f.windowStart)
    WHEN r.validFromPrecision = 'year' THEN r.validFrom + duration('P1Y') > date($f.windowStart)
    WHEN r.validFromPrecision = 'month' THEN r.validFrom + duration('P1M') > date($f.windowStart)
    ELSE r.validFrom >= date($f.windowStart) END))
  AND ($f.knownOn IS NULL OR r.knownSince <= date($f.knownOn))
  AND ($f.betweenTo IS NULL OR coalesce(r.validFrom, r.knownSince) <= date($f.betweenTo))
  // An event without an end lasts the period of its start (a month, a year); a state without an end
  // still holds.
  AND ($f.betweenFrom IS NULL OR CASE
    WHEN r.validTo IS NOT NULL THEN r.validTo >= date($f.betweenFrom)
    WHEN NOT type(r) IN $f.eventTypes THEN true
    WHEN r.validFrom IS NULL THEN r.knownSince >= date($f.betweenFrom)
    WHEN r.validFromPrecision = 'year' THEN r.validFrom + duration('P1Y') > date($f.betweenFrom)
    WHEN r.validFromPrecision = 'month' THEN r.validFrom + duration('P1M') > date($f.betweenFrom)
    ELSE r.validFrom >= date($f.betweenFrom) END)
  AND ($f.source IS NULL OR $f.source IN r.sources)
  AND ($f.claimedBy IS NULL OR r.claimedBy = $f.claimedBy)
)
