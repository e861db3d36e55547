/**
 * Fieldwork: sample frames of telephone numbers (personal data: sealed, hashed for de-duplication,
 * shown masked), sample draws, quotas, CATI dispatch and dispositions, and quality control
 * (STATISTICS.md §6–7). Completed interviews become survey responses; the link between a number
 * and a response never reaches a unit officer.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "org", "access", "survey" })
package org.minyi.fieldwork;
