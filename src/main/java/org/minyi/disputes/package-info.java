/**
 * Disputes: conflicts among residents taken in by a township or department, their parties (personal
 * data, sealed), type, amount and risk — high risk told to the district at once (an event the notice centre hears) — and their
 * mediation (people's, administrative or judicial) through sessions to an agreement, a partial one, or
 * a referral to litigation, arbitration or another body, and the follow-up of whether the agreement
 * was kept; with figures by township and type.
 *
 * <p>Published API (no other module calls it yet): Disputes with DisputeAction, DisputeStatus,
 * DisputeType, RiskLevel, MediationType and Referral; DisputeMetrics. Events, heard by the notice
 * centre: DisputeEscalated, DisputeEnded.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "org", "access", "notices" })
package org.minyi.disputes;
