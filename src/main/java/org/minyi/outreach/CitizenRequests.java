package org.minyi.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.minyi.platform.Where;
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
 * Citizen requests: received from a visit, the hotline, the public form or a survey
 * comment; assigned to a unit with a deadline of working days by category; accepted, noted and
 * answered by the unit; followed up by the district with the resident's satisfaction, and reopened
 * when the resident is not satisfied. A unit officer sees the requests of their subtree, anything
 * else is "not found"; the resident's name and phone are sealed and shown masked, and reading them
 * is audited.
 */
@Service
@Transactional
public class CitizenRequests {

	public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	/** What staff enter, or what the public form and a visit hand over. */
	public record NewRequest(RequestSource source, RequestCategory category, String title, String description, String location,
			String contactName, String contactPhone, Long unitId) {
	}

	public record RequestView(long id, String reference, RequestSource source, RequestCategory category, String title,
			String description, String location, String contactNameMasked, String contactPhoneMasked, boolean contactable, Long unitId,
			RequestStatus status, Instant receivedAt, LocalDate dueDate, boolean overdue, Instant resolvedAt, String resolution,
			Instant followedUpAt, Satisfaction satisfaction, Boolean answeredInTime, int reopened, int version) {
	}

	/** @param overdue only requests past their deadline still waiting for an answer */
	public record RequestFilter(RequestStatus status, RequestCategory category, Long unitId, LocalDate from, LocalDate to, boolean overdue) {

		public static RequestFilter none() {
			return new RequestFilter(null, null, null, null, null, false);
		}
	}

	/** The resident's contact in clear, for the follow-up call or the unit's reply. */
	public record Contact(String name, String phone) {
	}

	private final JdbcClient jdbc;

	private final CitizenRequestRepository repository;

	private final StatusHistory<RequestStatus> history;

	private final UnitManagement units;

	private final PersonalData personalData;

	private final OutreachProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CitizenRequests(JdbcClient jdbc, CitizenRequestRepository repository, UnitManagement units, PersonalData personalData, OutreachProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.history = new StatusHistory<>(jdbc, clock, RequestStatus.class, "request_event", "request_id", "unit_id", "satisfaction");
		this.units = units;
		this.personalData = personalData;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a request. Staff of the district may leave the unit open (to triage later); a unit
	 * officer's request is their own unit's (or one in their subtree). Returns the new request.
	 */
	public RequestView receive(NewRequest request, DataScope scope) {
		Long unitId = request.unitId();
		if (unitId == null && !scope.districtWide()) {
			unitId = scope.unitId();
		}
		if (unitId != null) {
			activeUnitInScope(unitId, scope);
		}
		long id = insert(request, unitId);
		return find(id, scope);
	}

	/** A request from the public form: no unit yet (the district triages it), the reference to quote back. */
	public String receiveFromPublic(RequestCategory category, String title, String description, String location, String contactName,
			String contactPhone) {
		long id = insert(new NewRequest(RequestSource.WEB_FORM, category, title, description, location, contactName, contactPhone, null), null);
		return find(id, DataScope.wholeDistrict()).reference();
	}

	@Transactional(readOnly = true)
	public PageResult<RequestView> list(RequestFilter filter, DataScope scope, PageRequest page) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, scope, params);
		long total = jdbc.sql("select count(*) from citizen_request" + where).paramSource(params).query(Long.class).single();
		List<RequestView> items = jdbc.sql("select * from citizen_request" + where + " order by received_at desc, id desc limit :limit offset :offset")
			.paramSource(params.addValue("limit", page.size()).addValue("offset", page.offset()))
			.query(this::view)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	public RequestView find(long id, DataScope scope) {
		return jdbc.sql("select * from citizen_request where id = :id")
			.param("id", id)
			.query(this::view)
			.optional()
			.filter(request -> visible(request, scope))
			.orElseThrow(() -> new RecordNotFoundException("citizen_request", id));
	}

	/**
	 * Moves the request on. {@code version} is the one the user saw, so two people acting at once
	 * do not both succeed; {@code unitId} is the unit for an assignment, {@code satisfaction} the
	 * resident's answer on a follow-up.
	 */
	public RequestView act(long id, RequestAction action, Long unitId, String comment, Satisfaction satisfaction, int version,
			DataScope scope) {
		RequestView seen = find(id, scope);
		if (action.byDistrict() != scope.districtWide()) {
			throw BusinessRuleException.of("outreach.request.error.role");
		}
		CitizenRequest request = repository.findById(id).orElseThrow(() -> new RecordNotFoundException("citizen_request", id));
		request.expectVersion(version);
		RequestStatus before = request.status();
		Long assignTo = action == RequestAction.ASSIGN && unitId != null ? activeUnitInScope(unitId, scope).id() : null;
		RequestNoticeEvent event = request.act(action, assignTo, comment, satisfaction, today(), deadline(seen.category(), today()),
				clock.instant());
		Aggregates.save(repository, request, "outreach.request.error.stale");
		String given = comment == null || comment.isBlank() ? null : comment.strip();
		history.record(id, action.name(), request.status(), given, request.unitId(), action == RequestAction.FOLLOW_UP ? satisfaction : null);
		events.publishEvent(AuditEvent.of(action.auditAction(), "citizen_request", id, before + " -> " + request.status()
				+ (action == RequestAction.ASSIGN ? ", unit=" + request.unitId() : "")));
		if (event != null) {
			events.publishEvent(event);
		}
		return find(id, scope);
	}

	/** What an event says of the request as it is now. */
	RequestRef ref(long id) {
		return jdbc.sql("select id, reference, title, unit_id, due_date, version from citizen_request where id = :id")
			.param("id", id)
			.query((rs, n) -> new RequestRef(rs.getLong("id"), rs.getString("reference"), rs.getString("title"),
					rs.getObject("unit_id", Long.class), rs.getObject("due_date", LocalDate.class), rs.getInt("version")))
			.single();
	}

	/** Records which visit a request was raised on. */
	void linkToVisit(long requestId, long visitId) {
		jdbc.sql("update citizen_request set visit_id = :visit where id = :id").param("visit", visitId).param("id", requestId).update();
	}

	/** Records which survey comment a request was made from (at most one request per comment). */
	void linkToSurveyComment(long requestId, long commentId) {
		jdbc.sql("update citizen_request set survey_comment_id = :comment where id = :id").param("comment", commentId).param("id", requestId)
			.update();
	}

	/** The requests made from these survey comments: request id by comment id. */
	@Transactional(readOnly = true)
	public Map<Long, Long> madeFromSurveyComments(Collection<Long> commentIds) {
		Map<Long, Long> requests = new HashMap<>();
		if (!commentIds.isEmpty()) {
			jdbc.sql("select survey_comment_id, id from citizen_request where survey_comment_id in (:comments)")
				.param("comments", commentIds)
				.query(rs -> {
					requests.put(rs.getLong(1), rs.getLong(2));
				});
		}
		return requests;
	}

	/** A handling note while the request is with the unit (what was done, who was contacted). */
	public void addNote(long id, String note, DataScope scope) {
		RequestView request = find(id, scope);
		if (!request.status().open()) {
			throw BusinessRuleException.of("outreach.request.error.closed");
		}
		if (note == null || note.isBlank() || note.length() > 2000) {
			throw new BusinessRuleException("note", "outreach.request.error.note");
		}
		history.record(id, "NOTE", request.status(), note.strip(), request.unitId(), null);
	}

	/** The request's steps; each entry's details hold the unit ({@code unit_id}) and the resident's satisfaction ({@code satisfaction}). */
	@Transactional(readOnly = true)
	public List<StatusHistory.Entry<RequestStatus>> history(long id, DataScope scope) {
		find(id, scope);
		return history.of(id);
	}

	/** The resident's name and phone in clear; each reading is audited with its purpose. */
	public Contact revealContact(long id, DataScope scope) {
		RequestView request = find(id, scope);
		if (!request.contactable()) {
			throw BusinessRuleException.of("outreach.request.error.anonymous");
		}
		record Sealed(String name, String phone) {
		}
		Sealed sealed = jdbc.sql("select contact_name_sealed, contact_phone_sealed from citizen_request where id = :id")
			.param("id", id)
			.query((rs, n) -> new Sealed(rs.getString(1), rs.getString(2)))
			.single();
		return new Contact(sealed.name() == null ? "" : personalData.reveal(sealed.name(), "citizen_request", id, "contact"),
				personalData.reveal(sealed.phone(), "citizen_request", id, "contact"));
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(DISTRICT_ZONE));
	}

	/** The month of a day as {@code yyyymm}, the figures' grouping (public for the demo, as {@link #deadline}). */
	public static int month(LocalDate day) {
		return day.getYear() * 100 + day.getMonthValue();
	}

	/**
	 * The day a request of the category received on that day is due, in working days. Public for the
	 * demo in {@code outreach.demo}, which moves its requests back to the day they came in.
	 */
	public LocalDate deadline(RequestCategory category, LocalDate received) {
		return properties.calendar().plusWorkingDays(received, properties.workingDays(category));
	}

	private long insert(NewRequest request, Long unitId) {
		Checked checked = checked(request);
		RequestStatus status = unitId == null ? RequestStatus.RECEIVED : RequestStatus.ASSIGNED;
		long id = References.insertWithNew("SQ", today(), reference -> {
			var key = new GeneratedKeyHolder();
			int inserted = jdbc.sql("""
					insert into citizen_request (reference, source, category, title, description, location, contact_name_sealed,
					  contact_name_masked, contact_phone_sealed, contact_phone_masked, contact_phone_hash, unit_id, status, received_at,
					  received_month, due_date, reopened, created_by, version)
					values (:reference, :source, :category, :title, :description, :location, :nameSealed, :nameMasked, :phoneSealed,
					  :phoneMasked, :phoneHash, :unit, :status, :now, :month, :due, 0, :by, 0)
					on conflict do nothing""")
				.param("reference", reference)
				.param("source", request.source().name())
				.param("category", request.category().name())
				.param("title", checked.title())
				.param("description", checked.description())
				.param("location", checked.location())
				.param("nameSealed", checked.name() == null ? null : personalData.protect(checked.name()).sealed())
				.param("nameMasked", checked.name() == null ? null : Masks.name(checked.name()))
				.param("phoneSealed", checked.phone() == null ? null : personalData.protect(checked.phone().value()).sealed())
				.param("phoneMasked", checked.phone() == null ? null : checked.phone().masked())
				.param("phoneHash", checked.phone() == null ? null : personalData.hash(checked.phone().value()))
				.param("unit", unitId)
				.param("status", status.name())
				.param("now", SqlTimes.bind(clock.instant()))
				.param("month", month(today()))
				.param("due", deadline(request.category(), today()))
				.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
				.update(key, "id");
			return inserted == 1 ? OptionalLong.of(key.getKey().longValue()) : OptionalLong.empty();
		});
		history.record(id, "RECEIVE", status, null, unitId, null);
		events.publishEvent(AuditEvent.of("outreach.request.receive", "citizen_request", id,
				request.source() + " " + request.category() + (unitId == null ? "" : ", unit=" + unitId)));
		RequestRef received = ref(id);
		events.publishEvent(new RequestReceived(received, request.source()));
		if (unitId != null) {
			events.publishEvent(new RequestAssigned(received));
		}
		return id;
	}

	private record Checked(String title, String description, String location, String name, PhoneNumber phone) {
	}

	private Checked checked(NewRequest request) {
		if (request.source() == null || request.category() == null) {
			throw new BusinessRuleException("category", "outreach.request.error.category");
		}
		String title = TextInput.clean(request.title(), 100, "title", REQUIRED);
		String description = TextInput.clean(request.description(), 2000, "description", REQUIRED);
		String location = TextInput.clean(request.location(), 200, "location", null);
		String name = TextInput.clean(request.contactName(), 50, "contactName", null);
		PhoneNumber phone = null;
		if (request.contactPhone() != null && !request.contactPhone().isBlank()) {
			try {
				phone = PhoneNumber.parse(request.contactPhone());
			}
			catch (PhoneNumber.Invalid e) {
				throw new BusinessRuleException("contactPhone", e.messageKey());
			}
		}
		if (name != null && phone == null) {
			throw new BusinessRuleException("contactPhone", "outreach.request.error.phoneNeeded");
		}
		return new Checked(title, description, location, name, phone);
	}

	private static final String REQUIRED = "outreach.request.error.required";

	private String where(RequestFilter filter, DataScope scope, MapSqlParameterSource params) {
		params.addValue("today", today());
		return new Where(params).in("unit_id", units.visibleUnits(filter.unitId(), scope))
			.equal("status", filter.status())
			.equal("category", filter.category())
			.atLeast("received_at", filter.from() == null ? null : SqlTimes.bind(filter.from().atStartOfDay(DISTRICT_ZONE).toInstant()))
			.before("received_at", filter.to() == null ? null : SqlTimes.bind(filter.to().plusDays(1).atStartOfDay(DISTRICT_ZONE).toInstant()))
			.when(filter.overdue(), "status in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'REOPENED') and due_date < :today")
			.sql();
	}

	private boolean visible(RequestView request, DataScope scope) {
		if (scope.districtWide()) {
			return true;
		}
		return request.unitId() != null && units.findById(request.unitId()).map(unit -> scope.covers(unit.path())).orElse(false);
	}

	private UnitView activeUnitInScope(long unitId, DataScope scope) {
		return units.findById(unitId)
			.filter(unit -> unit.active() && scope.covers(unit.path()))
			.orElseThrow(() -> new BusinessRuleException("unitId", "outreach.request.error.unit"));
	}

	private RequestView view(ResultSet rs, int n) throws SQLException {
		RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
		LocalDate due = rs.getObject("due_date", LocalDate.class);
		String satisfaction = rs.getString("satisfaction");
		return new RequestView(rs.getLong("id"), rs.getString("reference"), RequestSource.valueOf(rs.getString("source")),
				RequestCategory.valueOf(rs.getString("category")), rs.getString("title"), rs.getString("description"),
				rs.getString("location"), rs.getString("contact_name_masked"), rs.getString("contact_phone_masked"),
				rs.getString("contact_phone_sealed") != null, rs.getObject("unit_id", Long.class), status,
				SqlTimes.instant(rs, "received_at"), due, status.open() && status != RequestStatus.RESOLVED && due.isBefore(today()),
				SqlTimes.instant(rs, "resolved_at"), rs.getString("resolution"), SqlTimes.instant(rs, "followed_up_at"),
				satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getObject("answered_in_time", Boolean.class),
				rs.getInt("reopened"), rs.getInt("version"));
	}
}
