/**
 * Outreach: what cadres do among residents — citizen requests from every channel (visits, the
 * hotline, the public web form, survey comments) assigned to a unit with a deadline by category,
 * handled, answered and followed up by a call that asks the resident whether they are satisfied,
 * and reopened when they are not; with metrics per unit and period. Contact assignments and visits,
 * the special-group registry with the district's own kinds, and the focus page that turns a round's
 * results (scoring's read API) into visits to, or work-plan publicity tasks for, the communities that
 * pull the lowest townships down. Request steps are published as events the notice centre tells users of (ADR 0016).
 *
 * <p>Published API (no other module calls it yet): CitizenRequests with RequestAction,
 * RequestCategory, RequestSource, RequestStatus and Satisfaction; RequestMetrics; WorkingCalendar and
 * OutreachProperties; Visits; SpecialGroups and SpecialGroupKinds; SurveyCommentRequests;
 * PublicityTasks. Events, heard by the notice centre, each with its RequestRef: RequestReceived,
 * RequestAssigned, RequestAnswered, RequestReopened, RequestOverdue, RequestClosed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "org", "access", "survey", "scoring", "workplan", "notices" })
package org.minyi.outreach;
