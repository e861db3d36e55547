package org.minyi.fieldwork;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.security.DataScope;
import org.minyi.survey.RoundView;
import org.minyi.survey.Target;
import org.springframework.stereotype.Component;

/** The townships in a round's scope: the strata telephone fieldwork draws, assigns and monitors. */
@Component
public class RoundTownships {

	private final UnitManagement units;

	RoundTownships(UnitManagement units) {
		this.units = units;
	}

	public List<UnitView> of(RoundView round) {
		Map<Long, UnitView> byId = units.list(DataScope.wholeDistrict()).stream()
			.collect(Collectors.toMap(UnitView::id, Function.identity()));
		return round.targets().stream()
			.map(Target::unitId)
			.map(byId::get)
			.filter(u -> u != null && u.kind() == UnitKind.TOWNSHIP)
			.toList();
	}
}
