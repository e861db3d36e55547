package org.minyi.outreach;

import org.springframework.data.repository.CrudRepository;

interface CitizenRequestRepository extends CrudRepository<CitizenRequest, Long> {
}
