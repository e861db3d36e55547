/**
 * Notices: the application's notice centre — what a user is told, in the app and, for those who
 * chose it, by e-mail through the outbox — and each user's notice settings. It knows no other
 * module's kinds by name: a module declares its kinds ({@link org.minyi.notices.NoticeKinds}) and
 * publishes domain events that implement {@link org.minyi.notices.NoticeEvent}; the centre listens to
 * them through the event publication registry (no notice lost in a crash), announces each notice once
 * across nodes, and settles the notices an event shows dealt with (ADR 0016).
 *
 * <p>Published API: NoticeKinds and NoticeKind (a module declares its kinds), NoticeEvent (what a
 * module's event implements to be heard) and Announcement (the notice it asks for); Notices (each
 * user's notices and e-mail choices) for the module's own pages. No events of its own.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "org", "access" })
package org.minyi.notices;
