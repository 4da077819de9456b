package org.dataembassy.portal.replication.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dataembassy.portal.replication.DatasetSettings;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.site.InMemorySiteStore;
import org.dataembassy.portal.replication.site.SiteStore;

/** A state with in-memory sites "a" and "b" and one small dataset "ds". */
final class EngineFixture {
    final Path stateDir;
    final Kek kek = Kek.generate();
    final InMemorySiteStore a = new InMemorySiteStore("a");
    final InMemorySiteStore b = new InMemorySiteStore("b");
    final Map<String, SiteStore> sites = new LinkedHashMap<>();

    EngineFixture(Path stateDir, String... datasets) {
        this.stateDir = stateDir;
        sites.put("a", a);
        sites.put("b", b);
        LocalReplicationEngine.initState(stateDir, kek);
        try (var engine = open()) {
            for (String ds : datasets) {
                engine.createDataset(DatasetSettings.small(ds));
            }
        }
    }

    LocalReplicationEngine open() {
        return LocalReplicationEngine.open(stateDir, kek, sites);
    }
}
