package org.minyi.fieldwork;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.personal.PersonalData;
import org.minyi.platform.personal.PhoneNumber;
import org.minyi.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The do-not-call list: numbers whose owners asked not to be called. Kept as keyed hashes (the list
 * recognises a number, it never shows one) with the masked form for people to read. A number put
 * on the list is never drawn again, and its open cases in every round close as refusals.
 */
@Service
@Transactional
public class DoNotCall {

	public record Entry(String hash, String masked, String note, Instant createdAt, String createdBy) {
	}

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DoNotCall(JdbcClient jdbc, PersonalData personalData, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.events = events;
		this.clock = clock;
	}

	/** Adds a number typed by staff; returns false when it was on the list already. */
	public boolean add(String number, String note) {
		PhoneNumber phone;
		try {
			phone = PhoneNumber.parse(number);
		}
		catch (PhoneNumber.Invalid e) {
			throw new BusinessRuleException("number", e.messageKey());
		}
		return addHash(personalData.hash(phone.value()), phone.masked(), note);
	}

	/** Adds the number behind a hash (the interviewer's "do not call again" on a call). */
	boolean addHash(String hash, String masked, String note) {
		if (note != null && note.length() > 200) {
			throw new BusinessRuleException("note", "fieldwork.dnc.error.note");
		}
		Instant now = clock.instant();
		boolean added = jdbc.sql("""
				insert into do_not_call (phone_hash, phone_masked, note, created_at, created_by)
				values (:hash, :masked, :note, :at, :by) on conflict do nothing""")
			.param("hash", hash)
			.param("masked", masked)
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("at", SqlTimes.bind(now))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.update() == 1;
		int closed = jdbc.sql("""
				update call_case set status = 'FINAL', last_disposition = 'REFUSAL', finished_at = :at, interviewer = null,
				  locked_at = null
				where phone_hash = :hash and status in ('RESERVE', 'PENDING', 'RECALL', 'APPOINTMENT')""")
			.param("hash", hash)
			.param("at", SqlTimes.bind(now))
			.update();
		if (added) {
			events.publishEvent(AuditEvent.of("fieldwork.dnc.add", "do_not_call", masked, "open cases closed=" + closed));
		}
		return added;
	}

	public void remove(String hash) {
		int removed = jdbc.sql("delete from do_not_call where phone_hash = :hash").param("hash", hash).update();
		if (removed == 0) {
			throw BusinessRuleException.of("fieldwork.dnc.error.unknown");
		}
		events.publishEvent(AuditEvent.of("fieldwork.dnc.remove", "do_not_call", hash.substring(0, 8), null));
	}

	@Transactional(readOnly = true)
	public List<Entry> list() {
		return jdbc.sql("select * from do_not_call order by created_at desc")
			.query((rs, n) -> new Entry(rs.getString("phone_hash"), rs.getString("phone_masked"), rs.getString("note"),
					SqlTimes.instant(rs, "created_at"), rs.getString("created_by")))
			.list();
	}
}
