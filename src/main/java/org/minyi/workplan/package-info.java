/**
 * Work plan: a district plan per year or round, its items grouped as in the seed plan (deployment,
 * focus areas, safeguards), fanned out into one task per target unit — townships, departments,
 * political-legal departments and institutions through their parent — with a lifecycle from
 * assignment to approval, evidence (files and meeting records), and a progress board.
 *
 * <p>Published API: WorkPlans (plans and their items; outreach adds publicity items) with ItemDraft,
 * PlanSection, TargetGroup and ExpectedEvidence; WorkTasks with TaskAction and TaskStatus; TaskBoard;
 * Ledgers with LedgerKind and LedgerField. Events, heard by the notice centre: TaskSubmitted,
 * TaskReturned, TaskClosed, TaskDeadlineReached.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "org", "access", "notices" })
package org.minyi.workplan;
