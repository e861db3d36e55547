package org.minyi.org.web;

import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitSearch;
import org.minyi.org.UnitView;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API of the unit tree, within the caller's data scope. */
@RestController
@RequestMapping("/api/v1/units")
@PreAuthorize(UnitController.VIEW)
class UnitApiController {

	private final UnitManagement units;

	UnitApiController(UnitManagement units) {
		this.units = units;
	}

	@GetMapping
	PageResult<UnitView> search(@RequestParam(required = false) String q, @RequestParam(required = false) UnitKind kind,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return units.search(new UnitSearch(q, kind, active), CurrentUser.required().dataScope(),
				PageRequest.of(page, size, null, null));
	}

	@GetMapping("/{id}")
	UnitView find(@PathVariable long id) {
		return units.find(id, CurrentUser.required().dataScope())
			.orElseThrow(() -> new RecordNotFoundException("unit", id));
	}
}
