/**
 * The shared kernel every module may use: the web layout and its fragments, i18n, error pages,
 * reading and writing Excel and CSV files, secret keys, the data-scope and current-user
 * contracts, and the audit event that any module publishes to have a change recorded in the
 * audit trail. Only the truly cross-cutting belongs here; business concepts live in their modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.minyi.platform;
