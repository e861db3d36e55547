package org.minyi.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, deactivates and finds units. Every read takes the caller's {@link DataScope}
 * and applies it in the query; a unit outside the scope is reported as not found.
 */
@Service
@Transactional
public class UnitManagement {

	private static final Set<String> SORTABLE = Set.of("code", "name", "kind", "path", "population_total", "active", "updated_at");

	private static final String COLUMNS = "id, code, name, kind, parent_id, path, leader_name, contact_phone, "
			+ "population_total, active, updated_at";

	private final UnitRepository units;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UnitManagement(UnitRepository units, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.units = units;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public UnitView create(UnitDraft draft) {
		if (units.findByCode(draft.code().strip()).isPresent()) {
			throw new BusinessRuleException("code", "unit.error.codeTaken", draft.code());
		}
		if (draft.kind() == UnitKind.DISTRICT && units.existsByKind(UnitKind.DISTRICT)) {
			throw new BusinessRuleException("kind", "unit.error.singleRoot");
		}
		Unit parent = parentOf(draft, null);
		Unit unit = units.save(Unit.create(draft, parent, now()));
		unit.placeUnder(parent);
		unit = units.save(unit);
		events.publishEvent(AuditEvent.of("unit.create", "unit", unit.id(), unit.auditSummary()));
		events.publishEvent(new UnitCreated(unit.id(), unit.view().kind()));
		return unit.view();
	}

	public UnitView update(long id, UnitDraft draft, DataScope scope) {
		Unit unit = load(id, scope);
		String before = unit.auditSummary();
		Unit parent = parentOf(draft, unit.parentId());
		if (parent != null && parent.path().startsWith(unit.path())) {
			throw new BusinessRuleException("parentCode", "unit.error.parentInSubtree");
		}
		if (draft.kind() != unit.kind() && units.countChildren(id) > 0) {
			throw new BusinessRuleException("kind", "unit.error.kindWithChildren");
		}
		String oldPath = unit.path();
		unit.apply(draft, parent, now());
		unit.placeUnder(parent);
		unit = units.save(unit);
		if (!oldPath.equals(unit.path())) {
			units.movePaths(oldPath, oldPath.length(), unit.path());
		}
		events.publishEvent(AuditEvent.of("unit.update", "unit", id, "before: " + before + "; after: " + unit.auditSummary()));
		return unit.view();
	}

	public UnitView deactivate(long id, DataScope scope) {
		Unit unit = load(id, scope);
		if (units.countActiveChildren(id) > 0) {
			throw BusinessRuleException.of("unit.error.activeChildren");
		}
		unit.deactivate(now());
		unit = units.save(unit);
		events.publishEvent(AuditEvent.of("unit.deactivate", "unit", id, unit.auditSummary()));
		return unit.view();
	}

	public UnitView reactivate(long id, DataScope scope) {
		Unit unit = load(id, scope);
		Unit parent = unit.parentId() == null ? null : units.findById(unit.parentId()).orElseThrow();
		unit.reactivate(parent, now());
		unit = units.save(unit);
		events.publishEvent(AuditEvent.of("unit.reactivate", "unit", id, unit.auditSummary()));
		return unit.view();
	}

	@Transactional(readOnly = true)
	public Optional<UnitView> find(long id, DataScope scope) {
		return units.findById(id).filter(u -> scope.covers(u.path())).map(Unit::view);
	}

	/** Unscoped lookup by code, for imports and for resolving a user's own unit. */
	@Transactional(readOnly = true)
	public Optional<UnitView> findByCode(String code) {
		return units.findByCode(code).map(Unit::view);
	}

	/** Unscoped lookup by id, for other modules resolving references they already hold. */
	@Transactional(readOnly = true)
	public Optional<UnitView> findById(long id) {
		return units.findById(id).map(Unit::view);
	}

	@Transactional(readOnly = true)
	public Optional<UnitView> root() {
		return jdbc.sql("select " + COLUMNS + " from unit where parent_id is null and kind = 'DISTRICT'")
			.query(UnitManagement::row)
			.optional();
	}

	/** Every unit in scope, ordered so that each parent precedes its children (for trees and exports). */
	@Transactional(readOnly = true)
	public List<UnitView> list(DataScope scope) {
		return jdbc.sql("select " + COLUMNS + " from unit where path like :prefix order by path")
			.param("prefix", scope.pathPrefix() + "%")
			.query(UnitManagement::row)
			.list();
	}

	/** The whole subtree of each unit in scope as a tree, children sorted by kind then code. */
	@Transactional(readOnly = true)
	public List<UnitNode> tree(DataScope scope) {
		Map<Long, UnitNode> nodes = new LinkedHashMap<>();
		List<UnitNode> roots = new ArrayList<>();
		for (UnitView unit : list(scope)) {
			UnitNode node = new UnitNode(unit, new ArrayList<>());
			nodes.put(unit.id(), node);
			UnitNode parent = unit.parentId() == null ? null : nodes.get(unit.parentId());
			(parent == null ? roots : parent.children()).add(node);
		}
		nodes.values().forEach(UnitNode::sortChildren);
		return roots;
	}

	@Transactional(readOnly = true)
	public PageResult<UnitView> search(UnitSearch search, DataScope scope, PageRequest page) {
		StringBuilder where = new StringBuilder(" where path like :prefix");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("prefix", scope.pathPrefix() + "%");
		if (search.text() != null && !search.text().isBlank()) {
			where.append(" and (lower(name) like :text or lower(code) like :text)");
			params.put("text", "%" + escapeLike(search.text().strip().toLowerCase()) + "%");
		}
		if (search.kind() != null) {
			where.append(" and kind = :kind");
			params.put("kind", search.kind().name());
		}
		if (search.active() != null) {
			where.append(" and active = :active");
			params.put("active", search.active());
		}
		long total = jdbc.sql("select count(*) from unit" + where).params(params).query(Long.class).single();
		String order = page.sortOr("path", SORTABLE) + (page.descending() ? " desc" : " asc") + ", id";
		List<UnitView> items = jdbc
			.sql("select " + COLUMNS + " from unit" + where + " order by " + order + " limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(UnitManagement::row)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** Population breakdowns of every unit in scope, by unit id. */
	@Transactional(readOnly = true)
	public Map<Long, Map<PopulationCell, Integer>> populationByUnit(DataScope scope) {
		Map<Long, Map<PopulationCell, Integer>> byUnit = new LinkedHashMap<>();
		jdbc.sql("select f.unit_id, f.gender, f.age_group, f.population from population_figure f "
				+ "join unit u on u.id = f.unit_id where u.path like :prefix")
			.param("prefix", scope.pathPrefix() + "%")
			.query(rs -> {
				PopulationCell cell = new PopulationCell(Gender.valueOf(rs.getString("gender")),
						AgeGroup.valueOf(rs.getString("age_group")));
				byUnit.computeIfAbsent(rs.getLong("unit_id"), id -> new LinkedHashMap<>()).put(cell, rs.getInt("population"));
			});
		return byUnit;
	}

	/** Every unit's name by id (inactive ones too: old records still name them). */
	@Transactional(readOnly = true)
	public Map<Long, String> names() {
		return list(DataScope.wholeDistrict()).stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
	}

	/** Ids of a unit and everything below it, for other modules filtering their own records. */
	@Transactional(readOnly = true)
	public List<Long> subtreeIds(DataScope scope) {
		return jdbc.sql("select id from unit where path like :prefix").param("prefix", scope.pathPrefix() + "%")
			.query(Long.class)
			.list();
	}

	/**
	 * The units a list may show when it is filtered to {@code unitId} (with its subtree) within the
	 * scope: empty when nothing restricts it (no filter, whole district). A unit outside the scope is
	 * "not found", as if it did not exist.
	 */
	@Transactional(readOnly = true)
	public Optional<List<Long>> visibleUnits(Long unitId, DataScope scope) {
		if (unitId != null) {
			Unit unit = load(unitId, scope);
			return Optional.of(subtreeIds(DataScope.subtree(unit.id(), unit.path())));
		}
		return scope.districtWide() ? Optional.empty() : Optional.of(subtreeIds(scope));
	}

	private Unit load(long id, DataScope scope) {
		return units.findById(id).filter(u -> scope.covers(u.path()))
			.orElseThrow(() -> new RecordNotFoundException("unit", id));
	}

	/** The draft's parent; it must be active unless it is the unit's current parent (an unchanged placement). */
	private Unit parentOf(UnitDraft draft, Long currentParentId) {
		if (draft.parentCode() == null || draft.parentCode().isBlank()) {
			if (draft.kind() != UnitKind.DISTRICT) {
				throw new BusinessRuleException("parentCode", "unit.error.parentRequired");
			}
			return null;
		}
		Unit parent = units.findByCode(draft.parentCode().strip())
			.orElseThrow(() -> new BusinessRuleException("parentCode", "unit.error.parentUnknown", draft.parentCode()));
		if (!parent.active() && !parent.id().equals(currentParentId)) {
			throw new BusinessRuleException("parentCode", "unit.error.parentInactive");
		}
		return parent;
	}

	private Instant now() {
		return clock.instant();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static UnitView row(ResultSet rs, int rowNum) throws SQLException {
		return new UnitView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				UnitKind.valueOf(rs.getString("kind")), rs.getObject("parent_id", Long.class), rs.getString("path"),
				rs.getString("leader_name"), rs.getString("contact_phone"),
				rs.getObject("population_total", Integer.class), Map.of(), rs.getBoolean("active"),
				SqlTimes.instant(rs, "updated_at"));
	}
}
