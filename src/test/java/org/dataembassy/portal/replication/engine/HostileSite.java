package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dataembassy.portal.replication.site.FolderSiteStore;
import org.dataembassy.portal.replication.site.InMemorySiteStore;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * What a hostile or broken host can do to its own storage: overwrite, add and remove objects behind
 * the {@link SiteStore} contract (which refuses to overwrite). The engine reads through {@link #store()}.
 */
interface HostileSite {
    String name();

    SiteStore store();

    byte[] read(String object);

    /** Puts {@code bytes} under {@code object}, replacing whatever is there. */
    void write(String object, byte[] bytes);

    void remove(String object);

    default List<String> list(String prefix) {
        return store().list(prefix);
    }

    static HostileSite folder(FolderSiteStore s) {
        return new HostileSite() {
            public String name() {
                return s.name();
            }

            public SiteStore store() {
                return s;
            }

            public byte[] read(String object) {
                return s.get(object);
            }

            public void write(String object, byte[] bytes) {
                try {
                    Path p = s.root().resolve(object);
                    Files.createDirectories(p.getParent());
                    Files.write(p, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public void remove(String object) {
                s.delete(object);
            }
        };
    }

    static HostileSite memory(InMemorySiteStore s) {
        return new HostileSite() {
            public String name() {
                return s.name();
            }

            public SiteStore store() {
                return s;
            }

            public byte[] read(String object) {
                return s.get(object);
            }

            public void write(String object, byte[] bytes) {
                s.tamper(object, bytes);
            }

            public void remove(String object) {
                s.delete(object);
            }
        };
    }
}
