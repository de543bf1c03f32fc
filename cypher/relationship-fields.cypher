// Fragment (not a query): the fields of the Relationship row of `r` from start node `a` to end node
// `b`, to be written inside a map projection `r {__RELATIONSHIP_FIELDS__, …}`. Property selectors,
// not `.*`, so an absent property is a null rather than a missing key. Sources come in the order
// they became known (publication day, then id), the same wherever a relationship is shown.
// columns: id, status, confidence, validFrom, validFromPrecision, validTo, validToPrecision,
//   knownSince, summary, sources, claimedBy, about, retractedAt, retractReason, the status changes
//   (historyDates, historyFrom, historyTo, historySources, historyBy, historyNotes), type, from, to,
//   sourceRows [source row]
.id, .status, .confidence, .validFrom, .validFromPrecision, .validTo, .validToPrecision, .knownSince,
.summary, .sources, .claimedBy, .about, .retractedAt, .retractReason,
.historyDates, .historyFrom, .historyTo, .historySources, .historyBy, .historyNotes,
type: type(r), from: a.id, to: b.id,
sourceRows: COLLECT {
  MATCH (src:Source) WHERE src.id IN r.sources
  RETURN __SOURCE_ROW(src)__ ORDER BY src.published, src.id
}
