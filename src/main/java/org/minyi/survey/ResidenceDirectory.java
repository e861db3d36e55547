package org.minyi.survey;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.security.DataScope;
import org.springframework.stereotype.Component;

/**
 * The district's active townships and communities, the options of the residence questions.
 * Cached for half a minute: every submitted response is checked against them, and a unit added
 * or deactivated in {@code org} may take that long to appear in or leave the questionnaire.
 */
@Component
public class ResidenceDirectory implements ResidenceCheck {

	private final LoadingCache<Boolean, Snapshot> snapshot;

	ResidenceDirectory(UnitManagement units) {
		this.snapshot = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofSeconds(30))
			.build(any -> Snapshot.of(units.list(DataScope.wholeDistrict())));
	}

	public List<UnitView> townships() {
		return current().townships();
	}

	/** Communities grouped by township, townships in code order. */
	public Map<UnitView, List<UnitView>> communitiesByTownship() {
		return current().communitiesByTownship();
	}

	public Optional<UnitView> township(String code) {
		return Optional.ofNullable(current().townshipByCode().get(code));
	}

	public Optional<UnitView> community(String code) {
		return Optional.ofNullable(current().communityByCode().get(code));
	}

	public Optional<String> code(long unitId) {
		return Optional.ofNullable(current().unitById().get(unitId)).map(UnitView::code);
	}

	/** The active townships and communities by id. */
	public Map<Long, UnitView> byId() {
		return current().unitById();
	}

	/** A township of the district; a community only of the township answered in the same response. */
	@Override
	public boolean accepts(Question question, String code, Answers answers) {
		Snapshot units = current();
		return switch (question.type()) {
			case TOWNSHIP -> units.townshipByCode().containsKey(code);
			case COMMUNITY -> {
				UnitView community = units.communityByCode().get(code);
				yield community != null && answers.questions().stream()
					.flatMap(q -> answers.get(q).stream())
					.map(units.townshipByCode()::get)
					.anyMatch(township -> township != null && township.id() == community.parentId());
			}
			default -> false;
		};
	}

	private Snapshot current() {
		return snapshot.get(Boolean.TRUE);
	}

	private record Snapshot(List<UnitView> townships, Map<String, UnitView> townshipByCode,
			Map<String, UnitView> communityByCode, Map<UnitView, List<UnitView>> communitiesByTownship,
			Map<Long, UnitView> unitById) {

		static Snapshot of(List<UnitView> all) {
			Comparator<UnitView> byCode = Comparator.comparing(UnitView::code);
			List<UnitView> townships = all.stream().filter(u -> u.active() && u.kind() == UnitKind.TOWNSHIP).sorted(byCode).toList();
			Map<Long, UnitView> townshipById = townships.stream().collect(Collectors.toMap(UnitView::id, Function.identity()));
			List<UnitView> communities = all.stream()
				.filter(u -> u.active() && u.kind() == UnitKind.COMMUNITY && townshipById.containsKey(u.parentId()))
				.sorted(byCode)
				.toList();
			Map<UnitView, List<UnitView>> grouped = new LinkedHashMap<>();
			townships.forEach(t -> grouped.put(t, communities.stream().filter(c -> c.parentId() == t.id()).toList()));
			return new Snapshot(townships, townships.stream().collect(Collectors.toMap(UnitView::code, Function.identity())),
					communities.stream().collect(Collectors.toMap(UnitView::code, Function.identity())), grouped,
					Map.copyOf(Stream.concat(townships.stream(), communities.stream()).collect(Collectors.toMap(UnitView::id, Function.identity()))));
		}
	}
}
