/**
 * Access: accounts with one role each and a unit, the data scope that follows from
 * them, the login policy (password rules and history, lockout, forced change, session limits),
 * the separation of system admin, security admin and auditor, and the hash-chained,
 * append-only audit trail that every module feeds by publishing
 * {@link org.minyi.platform.audit.AuditEvent}.
 *
 * <p>Published API: AccountManagement (accounts under the separation of duties; usernames and
 * e-mail addresses of enabled accounts by role or unit), AccountView and Role; for the module's own
 * pages, AccountDraft, CreatedAccount, MinyiUser, AccessProperties, and AuditTrail with AuditEntry,
 * AuditQuery and ChainVerification. No events: the module records the AuditEvent the others publish.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "org" })
package org.minyi.access;
