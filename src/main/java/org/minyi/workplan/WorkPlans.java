package org.minyi.workplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * District work plans: created from the seed plan's template and edited by the district; publishing
 * fans every item out into one task per target unit. Items added or widened later, and units
 * created later, get their tasks too, so no unit is left out of work that applies to it.
 */
@Service
@Transactional
public class WorkPlans {

	public enum PlanStatus {
		DRAFT, PUBLISHED;

		public String messageKey() {
			return "workplan.plan.status." + name();
		}
	}

	public record PlanView(long id, String name, LocalDate startDate, PlanStatus status, Instant createdAt, String createdBy,
			Instant publishedAt) {
	}

	public record ItemView(long id, long planId, int position, PlanSection section, String title, String description,
			LocalDate dueDate, ExpectedEvidence evidence, Set<TargetGroup> targetGroups, Set<Long> targetUnits) {

		/** Whether the item applies to a unit. */
		public boolean targets(UnitView unit) {
			return unit.active() && (targetUnits.contains(unit.id()) || targetGroups.stream().anyMatch(g -> g.includes(unit.kind())));
		}
	}

	private static final Set<UnitKind> NAMEABLE = Set.of(UnitKind.TOWNSHIP, UnitKind.DEPARTMENT, UnitKind.POLITICAL_LEGAL,
			UnitKind.INSTITUTION, UnitKind.COMMUNITY);

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final UnitManagement units;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WorkPlans(JdbcClient jdbc, JdbcTemplate batch, UnitManagement units, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	/** A new draft plan with the template's items, due dates counted from the start date. */
	public PlanView createFromTemplate(String name, LocalDate startDate) {
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			throw new BusinessRuleException("name", "workplan.plan.error.name");
		}
		if (startDate == null) {
			throw new BusinessRuleException("startDate", "workplan.plan.error.startDate");
		}
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into work_plan (name, start_date, status, created_at, created_by)
				values (:name, :start, 'DRAFT', :at, :by)""")
			.param("name", name.strip())
			.param("start", startDate)
			.param("at", SqlTimes.bind(clock.instant()))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.update(key, "id");
		long id = key.getKey().longValue();
		for (ItemDraft item : PlanTemplate.items(startDate)) {
			insertItem(id, item);
		}
		events.publishEvent(AuditEvent.of("workplan.plan.create", "work_plan", id, "name=" + name.strip()));
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<PlanView> list() {
		return jdbc.sql("select * from work_plan order by start_date desc, id desc").query(WorkPlans::plan).list();
	}

	@Transactional(readOnly = true)
	public Optional<PlanView> find(long id) {
		return jdbc.sql("select * from work_plan where id = :id").param("id", id).query(WorkPlans::plan).optional();
	}

	@Transactional(readOnly = true)
	public List<ItemView> items(long planId) {
		return jdbc.sql("select * from plan_item where plan_id = :plan and active = true order by position, id")
			.param("plan", planId)
			.query(WorkPlans::item)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<ItemView> item(long planId, long itemId) {
		return jdbc.sql("select * from plan_item where id = :id and plan_id = :plan and active = true")
			.param("id", itemId)
			.param("plan", planId)
			.query(WorkPlans::item)
			.optional();
	}

	/** Adds an item; on a published plan its tasks are assigned at once. */
	public ItemView addItem(long planId, ItemDraft draft) {
		PlanView plan = plan(planId);
		validate(draft);
		long id = insertItem(planId, draft);
		events.publishEvent(AuditEvent.of("workplan.item.add", "plan_item", id, "plan=" + planId + ", title=" + draft.title()));
		if (plan.status() == PlanStatus.PUBLISHED) {
			fanOut(item(planId, id).orElseThrow(), activeUnits());
		}
		return item(planId, id).orElseThrow();
	}

	/**
	 * Changes an item. On a published plan, open tasks take the new due date and units newly
	 * targeted get their tasks; units no longer targeted keep theirs (cancel them one by one, with a
	 * reason, if they no longer apply).
	 */
	public ItemView updateItem(long planId, long itemId, ItemDraft draft) {
		PlanView plan = plan(planId);
		ItemView before = item(planId, itemId).orElseThrow(() -> new RecordNotFoundException("plan_item", itemId));
		validate(draft);
		jdbc.sql("""
				update plan_item set section = :section, title = :title, description = :description, due_date = :due,
				  evidence = :evidence, target_groups = :groups, target_units = :units
				where id = :id""")
			.param("section", draft.section().name())
			.param("title", draft.title().strip())
			.param("description", blankToNull(draft.description()))
			.param("due", draft.dueDate())
			.param("evidence", draft.evidence().name())
			.param("groups", joined(draft.targetGroups()))
			.param("units", joined(draft.targetUnits()))
			.param("id", itemId)
			.update();
		events.publishEvent(AuditEvent.of("workplan.item.update", "plan_item", itemId,
				"before: " + before.title() + ", due " + before.dueDate() + "; after: " + draft.title() + ", due " + draft.dueDate()));
		ItemView after = item(planId, itemId).orElseThrow();
		if (plan.status() == PlanStatus.PUBLISHED) {
			jdbc.sql("update work_task set due_date = :due, version = version + 1 where item_id = :item and status in ('ASSIGNED', "
					+ "'IN_PROGRESS', 'SUBMITTED', 'RETURNED')")
				.param("due", draft.dueDate())
				.param("item", itemId)
				.update();
			fanOut(after, activeUnits());
		}
		return after;
	}

	/** Removes an item from a draft plan (a published item's tasks are cancelled one by one instead). */
	public void removeItem(long planId, long itemId) {
		if (plan(planId).status() != PlanStatus.DRAFT) {
			throw BusinessRuleException.of("workplan.item.error.published");
		}
		ItemView item = item(planId, itemId).orElseThrow(() -> new RecordNotFoundException("plan_item", itemId));
		jdbc.sql("update plan_item set active = false where id = :id").param("id", itemId).update();
		events.publishEvent(AuditEvent.of("workplan.item.remove", "plan_item", itemId, "title=" + item.title()));
	}

	/** Publishes a draft plan: every item fans out into its tasks. Returns how many were assigned. */
	public int publish(long planId) {
		if (plan(planId).status() != PlanStatus.DRAFT) {
			throw BusinessRuleException.of("workplan.plan.error.published");
		}
		List<ItemView> items = items(planId);
		if (items.isEmpty()) {
			throw BusinessRuleException.of("workplan.plan.error.empty");
		}
		jdbc.sql("update work_plan set status = 'PUBLISHED', published_at = :at where id = :id")
			.param("at", SqlTimes.bind(clock.instant()))
			.param("id", planId)
			.update();
		List<UnitView> active = activeUnits();
		int assigned = items.stream().mapToInt(item -> fanOut(item, active)).sum();
		events.publishEvent(AuditEvent.of("workplan.plan.publish", "work_plan", planId, "tasks=" + assigned));
		return assigned;
	}

	/** A unit created after publication gets the open items that apply to it. */
	public int assignOpenItems(long unitId) {
		UnitView unit = units.findById(unitId).orElseThrow(() -> new RecordNotFoundException("unit", unitId));
		LocalDate today = LocalDate.now(clock.withZone(WorkTasks.DISTRICT_ZONE));
		int assigned = 0;
		for (PlanView plan : list()) {
			if (plan.status() != PlanStatus.PUBLISHED) {
				continue;
			}
			for (ItemView item : items(plan.id())) {
				if (!item.dueDate().isBefore(today) && item.targets(unit)) {
					assigned += fanOut(item, List.of(unit));
				}
			}
		}
		return assigned;
	}

	/** Tasks for the units an item targets that have none yet; returns how many were created. */
	private int fanOut(ItemView item, List<UnitView> candidates) {
		Instant now = clock.instant();
		List<Object[]> rows = candidates.stream()
			.filter(item::targets)
			.map(unit -> new Object[] { item.planId(), item.id(), unit.id(), item.dueDate(), SqlTimes.bind(now) })
			.toList();
		int[][] inserted = batch.batchUpdate("""
				insert into work_task (plan_id, item_id, unit_id, status, due_date, assigned_at, version)
				values (?, ?, ?, 'ASSIGNED', ?, ?, 0) on conflict do nothing""", rows, 500, (ps, row) -> {
			for (int i = 0; i < row.length; i++) {
				ps.setObject(i + 1, row[i]);
			}
		});
		int created = Arrays.stream(inserted).flatMapToInt(Arrays::stream).map(n -> Math.max(n, 0)).sum();
		jdbc.sql("""
				insert into task_event (task_id, occurred_at, actor, action, status)
				select t.id, :at, :by, 'ASSIGN', 'ASSIGNED' from work_task t
				where t.item_id = :item and not exists (select 1 from task_event e where e.task_id = t.id)""")
			.param("at", SqlTimes.bind(now))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.param("item", item.id())
			.update();
		return created;
	}

	private List<UnitView> activeUnits() {
		return units.list(DataScope.wholeDistrict()).stream().filter(UnitView::active).toList();
	}

	private void validate(ItemDraft draft) {
		if (draft.title() == null || draft.title().isBlank() || draft.title().strip().length() > 200) {
			throw new BusinessRuleException("title", "workplan.item.error.title");
		}
		if (draft.description() != null && draft.description().length() > 2000) {
			throw new BusinessRuleException("description", "workplan.item.error.description");
		}
		if (draft.section() == null || draft.evidence() == null || draft.dueDate() == null) {
			throw new BusinessRuleException("dueDate", "workplan.item.error.incomplete");
		}
		if (draft.targetGroups().isEmpty() && draft.targetUnits().isEmpty()) {
			throw new BusinessRuleException("targets", "workplan.item.error.targets");
		}
		for (long unitId : draft.targetUnits()) {
			units.findById(unitId).filter(u -> u.active() && NAMEABLE.contains(u.kind()))
				.orElseThrow(() -> new BusinessRuleException("targetUnits", "workplan.item.error.unit"));
		}
	}

	private long insertItem(long planId, ItemDraft item) {
		validate(item);
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from plan_item where plan_id = :plan")
			.param("plan", planId)
			.query(Integer.class)
			.single();
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into plan_item (plan_id, position, section, title, description, due_date, evidence, target_groups, target_units, active)
				values (:plan, :position, :section, :title, :description, :due, :evidence, :groups, :units, true)""")
			.param("plan", planId)
			.param("position", position)
			.param("section", item.section().name())
			.param("title", item.title().strip())
			.param("description", blankToNull(item.description()))
			.param("due", item.dueDate())
			.param("evidence", item.evidence().name())
			.param("groups", joined(item.targetGroups()))
			.param("units", joined(item.targetUnits()))
			.update(key, "id");
		return key.getKey().longValue();
	}

	private PlanView plan(long planId) {
		return find(planId).orElseThrow(() -> new RecordNotFoundException("work_plan", planId));
	}

	private static String joined(Set<?> values) {
		return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static PlanView plan(ResultSet rs, int n) throws SQLException {
		return new PlanView(rs.getLong("id"), rs.getString("name"), rs.getObject("start_date", LocalDate.class),
				PlanStatus.valueOf(rs.getString("status")), SqlTimes.instant(rs, "created_at"), rs.getString("created_by"),
				SqlTimes.instant(rs, "published_at"));
	}

	private static ItemView item(ResultSet rs, int n) throws SQLException {
		String groups = rs.getString("target_groups");
		String named = rs.getString("target_units");
		return new ItemView(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("position"), PlanSection.valueOf(rs.getString("section")),
				rs.getString("title"), rs.getString("description"), rs.getObject("due_date", LocalDate.class),
				ExpectedEvidence.valueOf(rs.getString("evidence")),
				groups == null || groups.isEmpty() ? Set.of()
						: Arrays.stream(groups.split(",")).map(TargetGroup::valueOf).collect(Collectors.toSet()),
				named == null || named.isEmpty() ? Set.of() : Arrays.stream(named.split(",")).map(Long::valueOf).collect(Collectors.toSet()));
	}
}
