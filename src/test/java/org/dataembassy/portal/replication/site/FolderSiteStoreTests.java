package org.dataembassy.portal.replication.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSiteStoreTests extends SiteStoreContract {
    @TempDir
    Path dir;
    private int n;

    @Override
    protected SiteStore store() {
        return new FolderSiteStore("folder", dir.resolve("site" + (n++)));
    }

    @Test
    void neverListsLeftoverTemporaryFiles() throws Exception {
        // given: a writer crashed after writing its temporary file
        FolderSiteStore s = new FolderSiteStore("folder", dir.resolve("crashed"));
        s.put("real/obj", new byte[] {1});
        Files.write(dir.resolve("crashed/.tmp/abandoned.part"), new byte[] {1, 2});
        // when / then
        assertThat(s.list("")).containsExactly("real/obj");
    }
}
