package org.minyi.org;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What a user enters to create or change a unit. The parent is given by its code so the same
 * command serves the form and the Excel import.
 */
public record UnitDraft(
		@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "{unit.code.pattern}") String code,
		@NotBlank @Size(max = 100) String name,
		@NotNull UnitKind kind,
		@Size(max = 32) String parentCode,
		@Size(max = 50) String leaderName,
		@Size(max = 40) @Pattern(regexp = "[0-9+\\- ]*", message = "{unit.contactPhone.pattern}") String contactPhone,
		@PositiveOrZero @Max(100_000_000) Integer populationTotal,
		Map<PopulationCell, Integer> population) {

	public UnitDraft {
		population = population == null ? Map.of() : Map.copyOf(population);
	}
}
