package org.dataembassy.portal.replication;

import java.util.List;

/** Snapshots forgotten, indexes and packs removed (per site counts summed). */
public record PruneResult(List<String> forgotten, int indexesDeleted, int packsDeleted) {
}
