package org.minyi.org.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.minyi.org.PopulationCell;
import org.minyi.org.UnitDraft;
import org.minyi.org.UnitKind;
import org.minyi.org.UnitView;

/** The unit form as the browser posts it; mapped to a {@link UnitDraft}. */
class UnitForm {

	@NotBlank
	@Size(max = 32)
	@Pattern(regexp = "[A-Za-z0-9_-]*", message = "{unit.code.pattern}")
	private String code;

	@NotBlank
	@Size(max = 100)
	private String name;

	@NotNull
	private UnitKind kind;

	@Size(max = 32)
	private String parentCode;

	@Size(max = 50)
	private String leaderName;

	@Size(max = 40)
	@Pattern(regexp = "[0-9+\\- ]*", message = "{unit.contactPhone.pattern}")
	private String contactPhone;

	@PositiveOrZero
	@Max(100_000_000)
	private Integer populationTotal;

	/** Keyed by {@link PopulationCell#key()}. */
	private Map<String, @PositiveOrZero @Max(100_000_000) Integer> population = new LinkedHashMap<>();

	static UnitForm of(UnitView unit, String parentCode) {
		UnitForm form = new UnitForm();
		form.code = unit.code();
		form.name = unit.name();
		form.kind = unit.kind();
		form.parentCode = parentCode;
		form.leaderName = unit.leaderName();
		form.contactPhone = unit.contactPhone();
		form.populationTotal = unit.populationTotal();
		unit.population().forEach((cell, count) -> form.population.put(cell.key(), count));
		return form;
	}

	UnitDraft toDraft() {
		Map<PopulationCell, Integer> cells = new LinkedHashMap<>();
		for (PopulationCell cell : PopulationCell.all()) {
			Integer count = population.get(cell.key());
			if (count != null) {
				cells.put(cell, count);
			}
		}
		return new UnitDraft(code, name, kind, parentCode, leaderName, contactPhone, populationTotal, cells);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public UnitKind getKind() {
		return kind;
	}

	public void setKind(UnitKind kind) {
		this.kind = kind;
	}

	public String getParentCode() {
		return parentCode;
	}

	public void setParentCode(String parentCode) {
		this.parentCode = parentCode;
	}

	public String getLeaderName() {
		return leaderName;
	}

	public void setLeaderName(String leaderName) {
		this.leaderName = leaderName;
	}

	public String getContactPhone() {
		return contactPhone;
	}

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}

	public Integer getPopulationTotal() {
		return populationTotal;
	}

	public void setPopulationTotal(Integer populationTotal) {
		this.populationTotal = populationTotal;
	}

	public Map<String, Integer> getPopulation() {
		return population;
	}

	public void setPopulation(Map<String, Integer> population) {
		this.population = population;
	}
}
