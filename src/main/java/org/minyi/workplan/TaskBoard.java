package org.minyi.workplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.minyi.org.UnitManagement;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.security.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The progress board of a plan: completion per unit and per item, overdue and returned counts, and
 * the heat table of units × items for one page of units. Counted in the database (a plan of 5,000
 * units × 30 items is 150,000 tasks); a unit officer sees their subtree only.
 */
@Service
@Transactional(readOnly = true)
public class TaskBoard {

	/** Counts of one unit's or one item's tasks (cancelled ones are left out). */
	public record Progress(long id, long tasks, long done, long submitted, long returned, long overdue) {

		public int percentDone() {
			return tasks == 0 ? 0 : (int) (100 * done / tasks);
		}

		Progress plus(Progress other) {
			return new Progress(0, tasks + other.tasks, done + other.done, submitted + other.submitted, returned + other.returned,
					overdue + other.overdue);
		}
	}

	/** One cell of the heat table. */
	public record Cell(TaskStatus status, boolean overdue, long taskId) {

		/** The Bootstrap colour of the cell: overdue red, done green, to review blue, returned amber. */
		public String css() {
			if (overdue) {
				return "table-danger";
			}
			return switch (status) {
				case DONE -> "table-success";
				case SUBMITTED -> "table-info";
				case RETURNED -> "table-warning";
				default -> "";
			};
		}
	}

	/** @param items progress by item id */
	public record Board(PageResult<Progress> units, Map<Long, Progress> items, Progress total, Map<Long, Map<Long, Cell>> cells) {
	}

	private static final String COUNTS = """
			count(*), sum(case when status = 'DONE' then 1 else 0 end), sum(case when status = 'SUBMITTED' then 1 else 0 end),
			sum(case when status = 'RETURNED' then 1 else 0 end),
			sum(case when status in ('ASSIGNED', 'IN_PROGRESS', 'RETURNED') and due_date < :today then 1 else 0 end)""";

	private final JdbcClient jdbc;

	private final UnitManagement units;

	private final Clock clock;

	TaskBoard(JdbcClient jdbc, UnitManagement units, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * Units ordered by completion, least complete first, so the board leads with who needs chasing.
	 * Two aggregate passes (per unit, per item) whatever the page; the page's cells come from the
	 * unit index.
	 */
	public Board board(long planId, DataScope scope, PageRequest page) {
		LocalDate today = LocalDate.now(clock.withZone(WorkTasks.DISTRICT_ZONE));
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("plan", planId).addValue("today", today);
		String where = " where plan_id = :plan and status <> 'CANCELLED'";
		if (!scope.districtWide()) {
			where += " and unit_id in (:scope)";
			params.addValue("scope", units.subtreeIds(scope));
		}
		List<Progress> byUnit = new ArrayList<>(jdbc.sql("select unit_id, " + COUNTS + " from work_task" + where + " group by unit_id")
			.paramSource(params)
			.query((rs, n) -> progress(rs))
			.list());
		byUnit.sort(Comparator.comparingDouble((Progress p) -> (double) p.done() / p.tasks()).thenComparingLong(Progress::id));
		List<Progress> unitRows = byUnit.subList((int) Math.min(page.offset(), byUnit.size()),
				(int) Math.min(page.offset() + page.size(), byUnit.size()));
		Map<Long, Progress> items = new HashMap<>();
		jdbc.sql("select item_id, " + COUNTS + " from work_task" + where + " group by item_id")
			.paramSource(params)
			.query((rs, n) -> progress(rs))
			.list()
			.forEach(p -> items.put(p.id(), p));
		Progress total = byUnit.stream().reduce(new Progress(0, 0, 0, 0, 0, 0), Progress::plus);
		return new Board(new PageResult<>(List.copyOf(unitRows), page.page(), page.size(), byUnit.size()), items, total,
				cells(planId, unitRows, today));
	}

	private Map<Long, Map<Long, Cell>> cells(long planId, List<Progress> unitRows, LocalDate today) {
		Map<Long, Map<Long, Cell>> cells = new HashMap<>();
		if (unitRows.isEmpty()) {
			return cells;
		}
		jdbc.sql("select id, unit_id, item_id, status, due_date from work_task where plan_id = :plan and unit_id in (:units)")
			.param("plan", planId)
			.param("units", unitRows.stream().map(Progress::id).toList())
			.query(rs -> {
				TaskStatus status = TaskStatus.valueOf(rs.getString("status"));
				cells.computeIfAbsent(rs.getLong("unit_id"), u -> new HashMap<>())
					.put(rs.getLong("item_id"), new Cell(status,
							TaskStatus.WITH_UNIT.contains(status) && rs.getObject("due_date", LocalDate.class).isBefore(today), rs.getLong("id")));
			});
		return cells;
	}

	private static Progress progress(ResultSet rs) throws SQLException {
		return new Progress(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
	}
}
