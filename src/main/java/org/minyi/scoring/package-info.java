/**
 * Scoring: weighted estimates with standard errors, rankings with rank intervals, targets and
 * diagnosis (STATISTICS.md). {@code estimation} is plain Java — no Spring, no database — so the
 * same numbers come out of the application, the analyst command line and the tests against R's
 * {@code survey} package. {@link org.minyi.scoring.RoundScoring} scores a round when it closes
 * (or on demand) into a stored snapshot that the results page shows.
 *
 * <p>Published API: FocusAreas (the outreach focus page), RoundScoring (compute, latest snapshot),
 * ScoreSnapshot, ScoreRow, Weighting, ScoringSettingsStore and ScoringSettings, UnitReports and
 * UnitReport; the named interface {@code cli} (the analyst command line the main class starts). No
 * events: it listens to survey's RoundClosed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "org", "survey" })
package org.minyi.scoring;
