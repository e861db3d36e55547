/**
 * Access: accounts with one role each and a unit, the data scope that follows from
 * them, the login policy (password rules and history, lockout, forced change, session limits),
 * the separation of system admin, security admin and auditor, and the hash-chained,
 * append-only audit trail that every module feeds by publishing
 * {@link org.minyi.platform.audit.AuditEvent}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "org" })
package org.minyi.access;
