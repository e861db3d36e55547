/**
 * Fieldwork: sample frames of telephone numbers (personal data: sealed, hashed for de-duplication,
 * shown masked), sample draws, quotas, CATI dispatch and dispositions, and quality control
 * (STATISTICS.md §6–7). Completed interviews become survey responses; the link between a number
 * and a response never reaches a unit officer.
 *
 * <p>Published API (no other module calls it yet): SampleFrames, SampleDraws, Quotas,
 * InterviewerAssignments, RoundTownships, CatiCalls with Disposition and CaseStatus, DoNotCall,
 * QualityControl, FieldworkMonitor with AaporRates and AaporGroup, FieldworkProperties. No events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "org", "access", "survey" })
package org.minyi.fieldwork;
