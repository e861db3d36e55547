package org.minyi.access;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface AccountRepository extends CrudRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	boolean existsByRole(Role role);
}
