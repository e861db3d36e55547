package org.minyi.org;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface UnitRepository extends CrudRepository<Unit, Long> {

	Optional<Unit> findByCode(String code);

	boolean existsByKind(UnitKind kind);

	@Query("select count(*) from unit where parent_id = :parentId and active = true")
	int countActiveChildren(long parentId);

	@Query("select count(*) from unit where parent_id = :parentId")
	int countChildren(long parentId);

	/** Rewrites the paths of a moved subtree (the moved unit itself included). */
	@Modifying
	@Query("update unit set path = :newPrefix || substring(path, :oldLength + 1) where path like :oldPrefix || '%'")
	int movePaths(String oldPrefix, int oldLength, String newPrefix);
}
