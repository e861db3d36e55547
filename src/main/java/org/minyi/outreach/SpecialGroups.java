package org.minyi.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.TextInput;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.personal.IdNumber;
import org.minyi.platform.personal.Masks;
import org.minyi.platform.personal.PersonalData;
import org.minyi.platform.personal.PhoneNumber;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The special-group registry: people the district cares for, each with a responsible cadre and a
 * care-visit schedule; care visits logged, missed ones flagged. Their personal data is sealed and
 * shown masked; reading it is audited; a unit officer sees the members of their subtree only.
 */
@Service
@Transactional
public class SpecialGroups {

	/** @param kind the code of a kind in use ({@link SpecialGroupKinds}) */
	public record NewMember(long unitId, String kind, String name, String idNumber, String phone, String address, String needs,
			Visits.Frequency careFrequency, String cadre) {
	}

	public record MemberView(long id, long unitId, String kind, String nameMasked, String idMasked, String phoneMasked,
			String addressMasked, String needs, Visits.Frequency careFrequency, String cadre, LocalDate registeredOn, LocalDate lastCare,
			LocalDate nextCare, boolean missed) {
	}

	/** The member's personal data in clear, for the cadre on a care visit or a call. */
	public record Person(String name, String idNumber, String phone, String address) {
	}

	public record CareVisit(LocalDate visitedOn, String cadre, String notes) {
	}

	private final JdbcClient jdbc;

	private final UnitManagement units;

	private final Visits visits;

	private final PersonalData personalData;

	private final SpecialGroupKinds kinds;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SpecialGroups(JdbcClient jdbc, UnitManagement units, Visits visits, PersonalData personalData, SpecialGroupKinds kinds,
			ApplicationEventPublisher events, Clock clock) {
		this.kinds = kinds;
		this.jdbc = jdbc;
		this.units = units;
		this.visits = visits;
		this.personalData = personalData;
		this.events = events;
		this.clock = clock;
	}

	public MemberView register(NewMember member, DataScope scope) {
		UnitView unit = units.findById(member.unitId()).filter(u -> u.active() && scope.covers(u.path()))
			.orElseThrow(() -> new BusinessRuleException("unitId", "outreach.visit.error.unit"));
		if (member.kind() == null || kinds.find(member.kind()).filter(SpecialGroupKinds.GroupKind::active).isEmpty()
				|| member.careFrequency() == null) {
			throw new BusinessRuleException("kind", "outreach.group.error.kind");
		}
		String name = TextInput.clean(member.name(), 50, "name", "outreach.group.error.name");
		IdNumber id;
		try {
			id = IdNumber.parse(member.idNumber());
		}
		catch (IdNumber.Invalid e) {
			throw new BusinessRuleException("idNumber", e.messageKey());
		}
		PhoneNumber phone = null;
		if (member.phone() != null && !member.phone().isBlank()) {
			try {
				phone = PhoneNumber.parse(member.phone());
			}
			catch (PhoneNumber.Invalid e) {
				throw new BusinessRuleException("phone", e.messageKey());
			}
		}
		String address = TextInput.clean(member.address(), 200, "address", null);
		String needs = TextInput.clean(member.needs(), 1000, "needs", null);
		String cadre = visits.cadreInScope(member.cadre(), scope);
		var key = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into special_group_member (unit_id, group_kind, name_sealed, name_masked, id_sealed, id_masked, id_hash, phone_sealed,
					  phone_masked, address_sealed, address_masked, needs, care_days, cadre, registered_on, active, created_at, created_by)
					values (:unit, :kind, :name, :nameMasked, :id, :idMasked, :idHash, :phone, :phoneMasked, :address, :addressMasked, :needs,
					  :days, :cadre, :today, true, :now, :by)""")
				.param("unit", unit.id())
				.param("kind", member.kind())
				.param("name", personalData.protect(name).sealed())
				.param("nameMasked", Masks.name(name))
				.param("id", personalData.protect(id.value()).sealed())
				.param("idMasked", id.masked())
				.param("idHash", personalData.hash(id.value()))
				.param("phone", phone == null ? null : personalData.protect(phone.value()).sealed())
				.param("phoneMasked", phone == null ? null : phone.masked())
				.param("address", address == null ? null : personalData.protect(address).sealed())
				.param("addressMasked", address == null ? null : Visits.maskHousehold(address))
				.param("needs", needs)
				.param("days", member.careFrequency().days())
				.param("cadre", cadre)
				.param("today", today())
				.param("now", SqlTimes.bind(clock.instant()))
				.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
				.update(key, "id");
		}
		catch (DuplicateKeyException e) {
			throw new BusinessRuleException("idNumber", "outreach.group.error.duplicate");
		}
		long memberId = key.getKey().longValue();
		events.publishEvent(AuditEvent.of("outreach.group.register", "special_group_member", memberId,
				member.kind() + ", unit=" + unit.id() + ", id=" + id.masked()));
		return find(memberId, scope);
	}

	/** Active members in scope (of one unit's subtree, or only those whose care visit is missed), the most overdue first. */
	@Transactional(readOnly = true)
	public List<MemberView> list(Long unitId, String kind, boolean missedOnly, DataScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" where m.active = true");
		units.visibleUnits(unitId, scope).ifPresent(ids -> {
			where.append(" and m.unit_id in (:units)");
			params.addValue("units", ids);
		});
		if (kind != null) {
			where.append(" and m.group_kind = :kind");
			params.addValue("kind", kind);
		}
		List<MemberView> members = new ArrayList<>(jdbc.sql(MEMBERS + where).paramSource(params).query(this::member).list());
		if (missedOnly) {
			members.removeIf(m -> !m.missed());
		}
		members.sort(Comparator.comparing(MemberView::nextCare).thenComparing(MemberView::id));
		return members;
	}

	@Transactional(readOnly = true)
	public MemberView find(long id, DataScope scope) {
		return jdbc.sql(MEMBERS + " where m.id = :id")
			.param("id", id)
			.query(this::member)
			.optional()
			.filter(m -> scope.districtWide() || units.findById(m.unitId()).map(u -> scope.covers(u.path())).orElse(false))
			.orElseThrow(() -> new RecordNotFoundException("special_group_member", id));
	}

	/** The member's personal data in clear; every reading is audited. */
	public Person reveal(long id, DataScope scope) {
		find(id, scope);
		return jdbc.sql("select name_sealed, id_sealed, phone_sealed, address_sealed from special_group_member where id = :id")
			.param("id", id)
			.query((rs, n) -> new Person(open(rs.getString(1), id), open(rs.getString(2), id), open(rs.getString(3), id),
					open(rs.getString(4), id)))
			.single();
	}

	public void logCare(long id, LocalDate visitedOn, String notes, String cadre, DataScope scope) {
		find(id, scope);
		if (visitedOn == null || visitedOn.isAfter(today()) || visitedOn.isBefore(today().minusDays(90))) {
			throw new BusinessRuleException("visitedOn", "outreach.visit.error.date");
		}
		jdbc.sql("insert into care_visit (member_id, visited_on, cadre, notes, created_at) values (:member, :day, :cadre, :notes, :now)")
			.param("member", id)
			.param("day", visitedOn)
			.param("cadre", cadre)
			.param("notes", TextInput.clean(notes, 2000, "notes", "outreach.visit.error.topics"))
			.param("now", SqlTimes.bind(clock.instant()))
			.update();
		events.publishEvent(AuditEvent.of("outreach.group.care", "special_group_member", id, "care visit " + visitedOn));
	}

	@Transactional(readOnly = true)
	public List<CareVisit> careVisits(long id, DataScope scope) {
		find(id, scope);
		return jdbc.sql("select visited_on, cadre, notes from care_visit where member_id = :id order by visited_on desc, id desc")
			.param("id", id)
			.query((rs, n) -> new CareVisit(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
			.list();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(CitizenRequests.DISTRICT_ZONE));
	}

	private String open(String sealed, long id) {
		return sealed == null ? "" : personalData.reveal(sealed, "special_group_member", id, "care");
	}

	private static final String MEMBERS = """
			select m.*, (select max(c.visited_on) from care_visit c where c.member_id = m.id) as last_care from special_group_member m""";

	private MemberView member(ResultSet rs, int n) throws SQLException {
		int days = rs.getInt("care_days");
		LocalDate registered = rs.getObject("registered_on", LocalDate.class);
		LocalDate last = rs.getObject("last_care", LocalDate.class);
		LocalDate next = (last == null ? registered : last).plusDays(days);
		return new MemberView(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("group_kind"), rs.getString("name_masked"),
				rs.getString("id_masked"), rs.getString("phone_masked"), rs.getString("address_masked"), rs.getString("needs"),
				Visits.Frequency.of(days), rs.getString("cadre"), registered, last, next, next.isBefore(today()));
	}
}
