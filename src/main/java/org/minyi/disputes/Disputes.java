package org.minyi.disputes;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.Aggregates;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.References;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.StatusHistory;
import org.minyi.platform.TextInput;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.personal.Masks;
import org.minyi.platform.personal.PersonalData;
import org.minyi.platform.personal.PhoneNumber;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dispute cases: intake with the parties (sealed), type, amount and risk; a high-risk case is told to
 * the district's administrators at once (marked escalated, and by a notice, also e-mailed);
 * mediation with its sessions to an agreement, a partial one, or a referral; the follow-up of the
 * agreement. A unit officer sees the cases of their subtree; anything else is "not found".
 */
@Service
@Transactional
public class Disputes {

	public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	public enum Source {
		WALK_IN, HOTLINE, VISIT, REFERRED_IN;

		public String messageKey() {
			return "disputes.source." + name();
		}
	}

	public record Party(String side, String name, String phone) {
	}

	public record NewDispute(long unitId, Source source, DisputeType type, RiskLevel risk, BigDecimal amount, String summary,
			String description, List<Party> parties) {
	}

	public record DisputeView(long id, String reference, long unitId, Source source, DisputeType type, RiskLevel risk, BigDecimal amount,
			String summary, String description, DisputeStatus status, LocalDate receivedOn, Instant escalatedAt, MediationType mediationType,
			String mediator, String outcome, LocalDate settledOn, String terms, Referral referral, LocalDate fulfilledOn, int version) {
	}

	public record PartyView(long id, String side, String nameMasked, String phoneMasked) {
	}

	public record Session(long id, LocalDate heldOn, String participants, String notes, String createdBy) {
	}

	/** @param highRiskOpen only open high-risk cases */
	public record DisputeFilter(DisputeStatus status, DisputeType type, RiskLevel risk, Long unitId, boolean highRiskOpen) {

		public static DisputeFilter none() {
			return new DisputeFilter(null, null, null, null, false);
		}
	}

	/** What a step records besides the status: the mediation's type and mediator, the referral, the day. */
	public record Step(MediationType mediationType, String mediator, Referral referral, LocalDate day, String comment) {
	}

	static final String REQUIRED = "disputes.error.required";

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

	private final JdbcClient jdbc;

	private final DisputeRepository repository;

	private final StatusHistory<DisputeStatus> history;

	private final UnitManagement units;

	private final PersonalData personalData;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Disputes(JdbcClient jdbc, DisputeRepository repository, UnitManagement units, PersonalData personalData, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.history = new StatusHistory<>(jdbc, clock, DisputeStatus.class, "dispute_event", "dispute_id");
		this.units = units;
		this.personalData = personalData;
		this.events = events;
		this.clock = clock;
	}

	public DisputeView receive(NewDispute dispute, DataScope scope) {
		UnitView unit = units.findById(dispute.unitId()).filter(u -> u.active() && scope.covers(u.path()))
			.orElseThrow(() -> new BusinessRuleException("unitId", "disputes.error.unit"));
		if (dispute.source() == null || dispute.type() == null || dispute.risk() == null) {
			throw new BusinessRuleException("type", "disputes.error.choice");
		}
		String summary = TextInput.clean(dispute.summary(), 200, "summary", REQUIRED);
		String description = TextInput.clean(dispute.description(), 4000, "description", REQUIRED);
		if (dispute.amount() != null && (dispute.amount().signum() < 0 || dispute.amount().compareTo(MAX_AMOUNT) > 0 || dispute.amount().scale() > 2)) {
			throw new BusinessRuleException("amount", "disputes.error.amount");
		}
		List<Party> parties = dispute.parties().stream().filter(p -> p.name() != null && !p.name().isBlank()).toList();
		if (parties.size() < 2) {
			throw new BusinessRuleException("parties", "disputes.error.parties");
		}
		Instant now = clock.instant();
		long id = References.insertWithNew("MJ", today(), reference -> {
			var key = new GeneratedKeyHolder();
			int inserted = jdbc.sql("""
					insert into dispute (reference, unit_id, source, dispute_type, risk, amount, summary, description, status, received_on,
					  escalated_at, created_at, created_by, version)
					values (:reference, :unit, :source, :type, :risk, :amount, :summary, :description, 'RECEIVED', :today, :escalated, :now, :by, 0)
					on conflict do nothing""")
				.param("reference", reference)
				.param("unit", unit.id())
				.param("source", dispute.source().name())
				.param("type", dispute.type().name())
				.param("risk", dispute.risk().name())
				.param("amount", dispute.amount())
				.param("summary", summary)
				.param("description", description)
				.param("today", today())
				.param("escalated", dispute.risk() == RiskLevel.HIGH ? SqlTimes.bind(now) : null)
				.param("now", SqlTimes.bind(now))
				.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
				.update(key, "id");
			return inserted == 1 ? OptionalLong.of(key.getKey().longValue()) : OptionalLong.empty();
		});
		for (Party party : parties) {
			addParty(id, party);
		}
		history.record(id, "RECEIVE", DisputeStatus.RECEIVED, null);
		events.publishEvent(AuditEvent.of("disputes.receive", "dispute", id, dispute.type() + " " + dispute.risk() + ", unit=" + unit.id()));
		DisputeView received = find(id, scope);
		if (dispute.risk() == RiskLevel.HIGH) {
			escalate(received, unit);
		}
		return received;
	}

	/** Moves the case on; {@code version} is the one the user saw. */
	public DisputeView act(long id, DisputeAction action, Step step, int version, DataScope scope) {
		find(id, scope);
		Dispute dispute = repository.findById(id).orElseThrow(() -> new RecordNotFoundException("dispute", id));
		dispute.expectVersion(version);
		DisputeStatus before = dispute.status();
		DisputeEnded ended = dispute.act(action, step, today(), clock.instant());
		Aggregates.save(repository, dispute, "disputes.error.stale");
		history.record(id, action.name(), dispute.status(), step.comment() != null && !step.comment().isBlank() ? step.comment().strip()
				: action == DisputeAction.START_MEDIATION ? dispute.mediator() : null);
		events.publishEvent(AuditEvent.of(action.auditAction(), "dispute", id, before + " -> " + dispute.status()));
		if (ended != null) {
			events.publishEvent(ended);
		}
		return find(id, scope);
	}

	/** A mediation session, while the case is being mediated. */
	public void addSession(long id, LocalDate heldOn, String participants, String notes, DataScope scope) {
		DisputeView dispute = find(id, scope);
		if (dispute.status() != DisputeStatus.MEDIATING) {
			throw BusinessRuleException.of("disputes.error.notMediating");
		}
		jdbc.sql("""
				insert into mediation_session (dispute_id, held_on, participants, notes, created_at, created_by)
				values (:dispute, :day, :participants, :notes, :now, :by)""")
			.param("dispute", id)
			.param("day", Dispute.dayOfCase(heldOn, dispute.receivedOn(), today()))
			.param("participants", TextInput.clean(participants, 500, "participants", REQUIRED))
			.param("notes", TextInput.clean(notes, 4000, "notes", REQUIRED))
			.param("now", SqlTimes.bind(clock.instant()))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.update();
		history.record(id, "SESSION", dispute.status(), heldOn.toString());
	}

	@Transactional(readOnly = true)
	public PageResult<DisputeView> list(DisputeFilter filter, DataScope scope, PageRequest page) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = DisputeQueries.where(filter, scope, params, units);
		long total = jdbc.sql("select count(*) from dispute" + where).paramSource(params).query(Long.class).single();
		List<DisputeView> items = jdbc.sql("select * from dispute" + where + " order by received_on desc, id desc limit :limit offset :offset")
			.paramSource(params.addValue("limit", page.size()).addValue("offset", page.offset()))
			.query(Disputes::view)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	public DisputeView find(long id, DataScope scope) {
		return jdbc.sql("select * from dispute where id = :id")
			.param("id", id)
			.query(Disputes::view)
			.optional()
			.filter(d -> scope.districtWide() || units.findById(d.unitId()).map(u -> scope.covers(u.path())).orElse(false))
			.orElseThrow(() -> new RecordNotFoundException("dispute", id));
	}

	@Transactional(readOnly = true)
	public List<PartyView> parties(long id, DataScope scope) {
		find(id, scope);
		return jdbc.sql("select id, side, name_masked, phone_masked from dispute_party where dispute_id = :id order by id")
			.param("id", id)
			.query((rs, n) -> new PartyView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** A party's name and phone in clear; the reading is audited. */
	public Party revealParty(long id, long partyId, DataScope scope) {
		find(id, scope);
		return jdbc.sql("select side, name_sealed, phone_sealed from dispute_party where id = :party and dispute_id = :id")
			.param("party", partyId)
			.param("id", id)
			.query((rs, n) -> new Party(rs.getString(1), personalData.reveal(rs.getString(2), "dispute", id, "mediation"),
					rs.getString(3) == null ? "" : personalData.reveal(rs.getString(3), "dispute", id, "mediation")))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("dispute_party", partyId));
	}

	@Transactional(readOnly = true)
	public List<Session> sessions(long id, DataScope scope) {
		find(id, scope);
		return jdbc.sql("select * from mediation_session where dispute_id = :id order by held_on, id")
			.param("id", id)
			.query((rs, n) -> new Session(rs.getLong("id"), rs.getObject("held_on", LocalDate.class), rs.getString("participants"),
					rs.getString("notes"), rs.getString("created_by")))
			.list();
	}

	@Transactional(readOnly = true)
	public List<StatusHistory.Entry<DisputeStatus>> history(long id, DataScope scope) {
		find(id, scope);
		return history.of(id);
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(DISTRICT_ZONE));
	}

	/**
	 * The district's administrators hear of a high-risk case at once, in the app and by e-mail
	 * (unless they turned that off).
	 */
	private void escalate(DisputeView dispute, UnitView unit) {
		events.publishEvent(new DisputeEscalated(dispute.id(), dispute.reference(), dispute.summary(), unit.id(), dispute.receivedOn()));
		events.publishEvent(AuditEvent.of("disputes.escalate", "dispute", dispute.id(), "high risk, unit=" + unit.id()));
	}

	private void addParty(long id, Party party) {
		String name = TextInput.clean(party.name(), 50, "parties", REQUIRED);
		PhoneNumber phone = null;
		if (party.phone() != null && !party.phone().isBlank()) {
			try {
				phone = PhoneNumber.parse(party.phone());
			}
			catch (PhoneNumber.Invalid e) {
				throw new BusinessRuleException("parties", e.messageKey());
			}
		}
		jdbc.sql("""
				insert into dispute_party (dispute_id, side, name_sealed, name_masked, phone_sealed, phone_masked)
				values (:dispute, :side, :name, :nameMasked, :phone, :phoneMasked)""")
			.param("dispute", id)
			.param("side", "RESPONDENT".equals(party.side()) ? "RESPONDENT" : "APPLICANT")
			.param("name", personalData.protect(name).sealed())
			.param("nameMasked", Masks.name(name))
			.param("phone", phone == null ? null : personalData.protect(phone.value()).sealed())
			.param("phoneMasked", phone == null ? null : phone.masked())
			.update();
	}

	private static DisputeView view(ResultSet rs, int n) throws SQLException {
		String mediation = rs.getString("mediation_type");
		String referral = rs.getString("referral");
		return new DisputeView(rs.getLong("id"), rs.getString("reference"), rs.getLong("unit_id"), Source.valueOf(rs.getString("source")),
				DisputeType.valueOf(rs.getString("dispute_type")), RiskLevel.valueOf(rs.getString("risk")), rs.getBigDecimal("amount"),
				rs.getString("summary"), rs.getString("description"), DisputeStatus.valueOf(rs.getString("status")),
				rs.getObject("received_on", LocalDate.class), SqlTimes.instant(rs, "escalated_at"),
				mediation == null ? null : MediationType.valueOf(mediation), rs.getString("mediator"), rs.getString("outcome"),
				rs.getObject("settled_on", LocalDate.class), rs.getString("terms"), referral == null ? null : Referral.valueOf(referral),
				rs.getObject("fulfilled_on", LocalDate.class), rs.getInt("version"));
	}
}
