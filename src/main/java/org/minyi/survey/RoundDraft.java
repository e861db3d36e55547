package org.minyi.survey;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a district admin enters to create a round. */
public record RoundDraft(@NotBlank @Size(max = 100) String name, @NotNull RoundKind kind, @NotNull LocalDate periodStart,
		@NotNull LocalDate periodEnd, @NotNull Long instrumentVersionId, Set<Mode> modes) {
}
