package org.minyi.disputes;

import org.springframework.data.repository.CrudRepository;

interface DisputeRepository extends CrudRepository<Dispute, Long> {
}
