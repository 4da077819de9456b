package org.dataembassy.portal.replication.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dataembassy.portal.replication.ObjectConflictException;
import org.dataembassy.portal.replication.ObjectNotFoundException;
import org.junit.jupiter.api.Test;

/** The {@link SiteStore} contract; every implementation's test extends this suite. */
public abstract class SiteStoreContract {

    /** A fresh, empty store. */
    protected abstract SiteStore store();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void returnsWhatWasPut() {
        // given
        SiteStore s = store();
        // when
        s.put("datasets/x/packs/p1", bytes("hello"));
        // then
        assertThat(s.get("datasets/x/packs/p1")).isEqualTo(bytes("hello"));
        assertThat(s.exists("datasets/x/packs/p1")).isTrue();
        assertThat(s.size("datasets/x/packs/p1")).isEqualTo(5);
    }

    @Test
    void acceptsIdenticalRePutAsNoOp() {
        // given
        SiteStore s = store();
        s.put("a/b", bytes("same"));
        // when
        s.put("a/b", bytes("same"));
        // then
        assertThat(s.get("a/b")).isEqualTo(bytes("same"));
    }

    @Test
    void refusesToOverwriteWithDifferentContent() {
        // given
        SiteStore s = store();
        s.put("a/b", bytes("first"));
        // when / then
        assertThatThrownBy(() -> s.put("a/b", bytes("second"))).isInstanceOf(ObjectConflictException.class);
        assertThat(s.get("a/b")).isEqualTo(bytes("first"));
    }

    @Test
    void reportsMissingObjectsWithTypedError() {
        // given
        SiteStore s = store();
        // when / then
        assertThatThrownBy(() -> s.get("no/such")).isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> s.size("no/such")).isInstanceOf(ObjectNotFoundException.class);
        assertThat(s.exists("no/such")).isFalse();
    }

    @Test
    void readsRangesAndRejectsRangesOutsideTheObject() {
        // given
        SiteStore s = store();
        s.put("r/obj", bytes("0123456789"));
        // when / then
        assertThat(s.get("r/obj", 3, 4)).isEqualTo(bytes("3456"));
        assertThat(s.get("r/obj", 0, 10)).isEqualTo(bytes("0123456789"));
        assertThatThrownBy(() -> s.get("r/obj", 8, 5)).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void listsNamesUnderPrefixSorted() {
        // given
        SiteStore s = store();
        s.put("d/x/2", bytes("b"));
        s.put("d/x/1", bytes("a"));
        s.put("d/y/1", bytes("c"));
        // when
        List<String> names = s.list("d/x/");
        // then
        assertThat(names).containsExactly("d/x/1", "d/x/2");
        assertThat(s.list("nothing/")).isEmpty();
    }

    @Test
    void deletesAndToleratesDeletingMissing() {
        // given
        SiteStore s = store();
        s.put("del/me", bytes("x"));
        // when
        s.delete("del/me");
        s.delete("del/me");
        // then
        assertThat(s.exists("del/me")).isFalse();
        assertThat(s.list("del/")).isEmpty();
    }

    @Test
    void storesEmptyAndBinaryObjects() {
        // given
        SiteStore s = store();
        byte[] binary = new byte[256];
        for (int i = 0; i < 256; i++) {
            binary[i] = (byte) i;
        }
        // when
        s.put("e/empty", new byte[0]);
        s.put("e/bin", binary);
        // then
        assertThat(s.get("e/empty")).isEmpty();
        assertThat(s.get("e/bin")).isEqualTo(binary);
    }

    @Test
    void rejectsUnsafeNames() {
        SiteStore s = store();
        for (String bad : List.of("../x", "/abs", "a//b", "a/../b", "a b", "")) {
            assertThatThrownBy(() -> s.put(bad, bytes("x"))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keepsEveryObjectUnderConcurrentPuts() throws Exception {
        // given
        SiteStore s = store();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        // when
        for (int i = 0; i < 40; i++) {
            int n = i;
            futures.add(pool.submit(() -> s.put("c/obj-" + (n % 20), bytes("content-" + (n % 20)))));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        // then
        assertThat(s.list("c/")).hasSize(20);
        assertThat(s.get("c/obj-7")).isEqualTo(bytes("content-7"));
    }
}
