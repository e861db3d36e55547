package org.minyi.org;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.minyi.platform.BusinessRuleException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/** A node of the organisation tree; the aggregate root owning its population figures. */
class Unit {

	@Id
	private Long id;

	private String code;

	private String name;

	private UnitKind kind;

	private Long parentId;

	private String path;

	private String leaderName;

	private String contactPhone;

	private Integer populationTotal;

	@MappedCollection(idColumn = "unit_id")
	private Set<PopulationFigure> population = new HashSet<>();

	private boolean active;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Integer version;

	Unit() {
	}

	static Unit create(UnitDraft draft, Unit parent, Instant now) {
		Unit unit = new Unit();
		unit.code = draft.code().strip();
		unit.active = true;
		unit.createdAt = now;
		unit.path = "/";
		unit.apply(draft, parent, now);
		return unit;
	}

	/** Takes the draft's values; the code never changes once created. */
	void apply(UnitDraft draft, Unit parent, Instant now) {
		if (parent == null ? draft.kind() != UnitKind.DISTRICT : !draft.kind().acceptsParent(parent.kind)) {
			throw new BusinessRuleException("kind", "unit.error.kindParent");
		}
		this.name = draft.name().strip();
		this.kind = draft.kind();
		this.parentId = parent == null ? null : parent.id;
		this.leaderName = blankToNull(draft.leaderName());
		this.contactPhone = blankToNull(draft.contactPhone());
		this.populationTotal = draft.populationTotal();
		this.population = new HashSet<>();
		draft.population().forEach((cell, count) -> {
			if (count != null) {
				population.add(new PopulationFigure(cell.gender(), cell.ageGroup(), count));
			}
		});
		this.updatedAt = now;
	}

	/** Called once the id is known (after the first insert) or when the unit moves. */
	void placeUnder(Unit parent) {
		this.path = (parent == null ? "/" : parent.path) + id + "/";
	}

	void deactivate(Instant now) {
		if (!active) {
			throw BusinessRuleException.of("unit.error.alreadyInactive");
		}
		if (kind == UnitKind.DISTRICT) {
			throw BusinessRuleException.of("unit.error.rootCannotDeactivate");
		}
		active = false;
		updatedAt = now;
	}

	void reactivate(Unit parent, Instant now) {
		if (active) {
			throw BusinessRuleException.of("unit.error.alreadyActive");
		}
		if (parent != null && !parent.active) {
			throw BusinessRuleException.of("unit.error.parentInactive");
		}
		active = true;
		updatedAt = now;
	}

	UnitView view() {
		Map<PopulationCell, Integer> cells = new LinkedHashMap<>();
		population.forEach(f -> cells.put(new PopulationCell(f.gender(), f.ageGroup()), f.population()));
		return new UnitView(id, code, name, kind, parentId, path, leaderName, contactPhone, populationTotal, cells, active,
				updatedAt);
	}

	/** Short description for the audit trail. */
	String auditSummary() {
		return "code=" + code + ", name=" + name + ", kind=" + kind + ", parent=" + parentId + ", active=" + active
				+ ", population=" + populationTotal;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	Long id() {
		return id;
	}

	String code() {
		return code;
	}

	String path() {
		return path;
	}

	UnitKind kind() {
		return kind;
	}

	Long parentId() {
		return parentId;
	}

	boolean active() {
		return active;
	}

	String name() {
		return name;
	}
}
